package io.glostream.stream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.glostream.core.testdata.DeployFiles;
import io.glostream.stream.config.StreamSettings;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker-compose.yml against the app's real settings, topics, port, endpoints and Kafka version. */
class ComposeFileTest {

    private static final String STREAM_IMAGE = "glostream/stream-app:";
    private final Map<String, Object> compose = DeployYaml.document("docker-compose.yml");
    private final Map<String, Object> services = DeployYaml.map(DeployYaml.at(compose, "services"), "services");

    private Map<String, Object> service(String name) {
        return DeployYaml.map(services.get(name), "services." + name);
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object node = service.get("environment");
        if (node != null) {
            DeployYaml.map(node, "environment").forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        return environment;
    }

    /** The stream-app services that run the stream (not the producer or publish-model one-shots). */
    private List<String> replicas() {
        List<String> replicas = new ArrayList<>();
        services.forEach((name, node) -> {
            Map<String, Object> service = DeployYaml.map(node, name);
            if (String.valueOf(service.get("image")).startsWith(STREAM_IMAGE) && List.of("run").equals(service.get("command"))) {
                replicas.add(name);
            }
        });
        return replicas;
    }

    @Test
    void twoStreamReplicasShareOneApplicationIdAndTheirSettingsLoad() {
        List<String> replicas = replicas();
        assertEquals(List.of("stream-app-a", "stream-app-b"), replicas);
        Set<String> ids = new TreeSet<>();
        for (String replica : replicas) {
            StreamSettings settings = DeploySettings.fromEnvironment(environment(service(replica)));
            assertTrue(settings.hasBootstrapServers(), replica + " must use the compose broker, not an embedded one");
            assertEquals("kafka:9092", settings.kafka().get("bootstrap.servers"));
            ids.add(settings.applicationId());
        }
        assertEquals(Set.of("glostream"), ids);
    }

    @Test
    void everyGlostreamVariableOfEveryServiceIsARealSettingOrKafkaClientConfig() {
        services.forEach((name, node) -> {
            Map<String, String> glostream = new LinkedHashMap<>();
            environment(DeployYaml.map(node, name)).forEach((key, value) -> {
                if (key.startsWith("GLOSTREAM_")) {
                    glostream.put(key, value);
                }
            });
            StreamSettings settings = DeploySettings.fromEnvironment(glostream);
            assertEquals(Set.of(), DeploySettings.unknownKafkaKeys(settings), name);
        });
    }

    @Test
    void replicasPublishTheHttpPortAndPrometheusScrapesEachOnesMetrics() {
        Set<String> expectedTargets = new TreeSet<>();
        for (String replica : replicas()) {
            StreamSettings settings = DeploySettings.fromEnvironment(environment(service(replica)));
            int httpPort = settings.httpPort();
            assertEquals(replica + ":" + httpPort, settings.httpAdvertised().orElseThrow(),
                    replica + " must advertise where the other replica reaches it");
            List<String> ports = DeployYaml.strings(service(replica), "ports");
            assertEquals(1, ports.size(), replica);
            assertTrue(ports.get(0).endsWith(":" + httpPort), replica + " publishes " + ports.get(0) + ", not http.port " + httpPort);
            expectedTargets.add(replica + ":" + httpPort);
        }
        Map<String, Object> prometheus = DeployYaml.document("prometheus/prometheus.yml");
        List<Map<String, Object>> jobs = DeployYaml.maps(prometheus, "scrape_configs");
        assertEquals(1, jobs.size());
        assertEquals("/metrics", jobs.get(0).get("metrics_path"));
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> config : DeployYaml.list(jobs.get(0).get("static_configs"), "static_configs").stream()
                .map(node -> DeployYaml.map(node, "static_configs")).toList()) {
            targets.addAll(DeployYaml.strings(config, "targets"));
        }
        assertEquals(expectedTargets, targets);
    }

    @Test
    void theTopicsJobCreatesEveryTopicOfTheAppAndACompactedControlTopic() {
        String script = String.join("\n", DeployYaml.strings(service("kafka-topics"), "command"));
        StreamSettings defaults = StreamSettings.of(Map.of());
        Matcher loop = Pattern.compile("for topic in ([a-z0-9 ._-]+); do").matcher(script);
        assertTrue(loop.find(), script);
        assertEquals(new TreeSet<>(List.of(defaults.documentsTopic(), defaults.outputTopic(), defaults.deadLetterTopic(),
                defaults.trendsTopic())), new TreeSet<>(List.of(loop.group(1).trim().split(" +"))));
        assertTrue(script.contains("--topic " + defaults.modelsTopic() + " --partitions 1"), script);
        assertTrue(script.contains("--config cleanup.policy=compact"), script);
        Map<String, String> stream = environment(service("stream-app-a"));
        assertTrue(stream.keySet().stream().noneMatch(key -> key.startsWith("GLOSTREAM_TOPICS_")),
                "the replicas must use the default topic names the job creates");
        Map<String, Object> dependsOn = DeployYaml.map(service("stream-app-a").get("depends_on"), "depends_on");
        assertEquals(Map.of("condition", "service_completed_successfully"), dependsOn.get("kafka-topics"));
    }

    @Test
    void theBrokerImageIsTheKafkaVersionTheAppIsBuiltWith() throws Exception {
        Properties kafka = new Properties();
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            assertTrue(in != null, "kafka-clients carries no kafka/kafka-version.properties");
            kafka.load(in);
        }
        for (String name : List.of("kafka", "kafka-topics")) {
            assertEquals("apache/kafka:" + kafka.getProperty("version"), service(name).get("image"), name);
        }
    }

    @Test
    void theReplicasServeTheBundleTheImageCopiesIn() {
        String dockerfile = DeployFiles.read("docker/stream-app.Dockerfile");
        Matcher copy = Pattern.compile("COPY --from=build /src/sample/bundle/ (\\S+?)/?\\n").matcher(dockerfile);
        assertTrue(copy.find(), "stream-app.Dockerfile copies no sample bundle");
        for (String replica : replicas()) {
            assertEquals(copy.group(1), environment(service(replica)).get("GLOSTREAM_MODEL_PATH"), replica);
        }
    }

    @Test
    void theProducerStartsWithThePlainUpAndTheRetrainRunOnlyWithItsProfile() {
        assertEquals(null, service("producer").get("profiles"));
        assertEquals("kafka:9092", environment(service("producer")).get("GLOSTREAM_KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(List.of("retrain"), service("retrain").get("profiles"));
        assertEquals(List.of("retrain"), service("publish-model").get("profiles"));
    }

    @Test
    void dockerComposeAcceptsTheFileWhereADockerClientExists() throws Exception {
        assumeTrue(onPath("docker"), "no docker client on PATH");
        assumeTrue(succeeds("docker", "compose", "version"), "the docker client has no compose plugin");
        Path compose = DeployFiles.deploy("docker-compose.yml");
        Process process = new ProcessBuilder("docker", "compose", "-f", compose.toString(), "config", "--quiet")
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "docker compose config did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
    }

    private static boolean succeeds(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
