package io.glostream.stream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.DeployFiles;
import io.glostream.stream.ops.OpsServer;
import io.glostream.stream.ops.TrendsReport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every HTTP path that deploy/ probes, scrapes or curls is one the ops server answers with 200 when healthy. */
class OpsEndpointsTest {

    private static Set<String> pathsUsedByDeployFiles() {
        Set<String> paths = new TreeSet<>();
        Map<String, Object> container = DeployYaml.maps(DeployYaml.document("k8s/deployment.yaml"),
                "spec", "template", "spec", "containers").get(0);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            paths.add(String.valueOf(DeployYaml.at(container, probe, "httpGet", "path")));
        }
        paths.add(String.valueOf(DeployYaml.at(DeployYaml.document("k8s/service.yaml"), "metadata", "annotations",
                "prometheus.io/path")));
        paths.add(String.valueOf(DeployYaml.maps(DeployYaml.document("prometheus/prometheus.yml"), "scrape_configs")
                .get(0).get("metrics_path")));
        Pattern url = Pattern.compile("http://(?:127\\.0\\.0\\.1|localhost):[^/\\s\"]+(/[a-z]+)");
        for (String file : List.of("docker/stream-app.Dockerfile", "retrain-demo.sh")) {
            Matcher matcher = url.matcher(DeployFiles.read(file));
            while (matcher.find()) {
                paths.add(matcher.group(1));
            }
        }
        return paths;
    }

    @Test
    void theOpsServerAnswersEveryPathDeployUses() throws Exception {
        Set<String> paths = pathsUsedByDeployFiles();
        assertEquals(Set.of("/health", "/metrics", "/ready"), paths);
        TrendsReport report = new TrendsReport(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), null, "v1", 0, List.of());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (OpsServer server = OpsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                () -> true, () -> true, (lang, window) -> report)) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : paths) {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path + ": " + response.body());
            }
            URI unknown = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
            assertTrue(client.send(HttpRequest.newBuilder(unknown).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 404, "a path the server does not know must not pass for one it does");
        } finally {
            registry.close();
        }
    }
}
