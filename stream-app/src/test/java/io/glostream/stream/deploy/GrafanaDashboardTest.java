package io.glostream.stream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.testdata.DeployFiles;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.stream.metrics.StreamMetrics;
import io.glostream.stream.ops.KafkaStreamsBinding;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard's queries against what the app really exposes: the app's own meters, exercised once,
 * and the Kafka Streams binder's, from a KafkaStreams that is built but never started (building one already
 * creates its clients and their metrics, so no broker is needed).
 */
class GrafanaDashboardTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:glostream|kafka)_[a-z0-9_]+)");
    private static final Pattern GROUPING = Pattern.compile("\\bby \\(([^)]*)\\)");
    private static final Pattern LABEL_MATCHER = Pattern.compile("([a-z_]+)=~?\"([^\"]*)\"");
    /** Labels Prometheus adds to every scraped series. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    @TempDir
    static Path stateDir;

    private static KafkaStreams streams;
    private static String scrape;

    @BeforeAll
    static void scrapeARegistryLikeTheAppsOne() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("documents").to("document-topics");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "glostream");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        streams = new KafkaStreams(builder.build(), config);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StreamMetrics metrics = new StreamMetrics(registry);
        metrics.documentIn("en");
        metrics.documentOut("en", 0.1);
        metrics.topTopic("en", 3);
        metrics.deadLetter(DeadLetterReason.UNDECODABLE);
        metrics.batch(8, 2_000_000);
        metrics.featurized(10_000);
        metrics.read(40);
        metrics.held(60_000_000);
        metrics.modelServing("v1", false);
        try (KafkaStreamsBinding binding = KafkaStreamsBinding.bind(streams, registry)) {
            scrape = registry.scrape();
        }
        registry.close();
    }

    @AfterAll
    static void closeStreams() {
        streams.close(Duration.ofSeconds(5));
    }

    private static List<String> expressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DeployFiles.deploy("grafana/dashboards/glostream.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertEquals("prometheus", panel.at("/datasource/uid").asText(), panel.get("title").asText());
            for (JsonNode target : panel.get("targets")) {
                expressions.add(target.get("expr").asText());
            }
        }
        return expressions;
    }

    /** Series lines of the scrape, by metric name: name{labels} value. */
    private static List<String> series(String metric) {
        return scrape.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " ")).toList();
    }

    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions()) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                if (series(metric.group(1)).isEmpty()) {
                    missing.add(metric.group(1));
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyLabelTheDashboardGroupsOrFiltersByIsOnItsMetric() throws Exception {
        for (String expression : expressions()) {
            List<String> lines = new ArrayList<>();
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                lines.addAll(series(metric.group(1)));
            }
            Set<String> labels = new TreeSet<>();
            Matcher grouping = GROUPING.matcher(expression);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    labels.add(label.strip());
                }
            }
            Matcher matcher = LABEL_MATCHER.matcher(expression);
            while (matcher.find()) {
                labels.add(matcher.group(1));
            }
            for (String label : labels) {
                if (!TARGET_LABELS.contains(label)) {
                    assertTrue(lines.stream().anyMatch(line -> line.contains(label + "=\"")), expression + ": no label " + label);
                }
            }
        }
    }

    @Test
    void theLagPanelSelectsTheStreamThreadsInputConsumersOnly() throws Exception {
        String lag = expressions().stream().filter(e -> e.contains("records_lag_max")).findFirst().orElseThrow();
        Matcher clientId = Pattern.compile("client_id=~\"([^\"]+)\"").matcher(lag);
        assertTrue(clientId.find(), lag);
        Pattern selected = Pattern.compile(clientId.group(1));
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("client_id=\"([^\"]+)\"").matcher(String.join("\n",
                series("kafka_consumer_fetch_manager_records_lag_max")));
        while (id.find()) {
            ids.add(id.group(1));
        }
        List<String> chosen = ids.stream().filter(i -> selected.matcher(i).matches()).toList();
        assertEquals(1, chosen.size(), "one stream thread, one main consumer, among " + ids);
        assertTrue(chosen.get(0).endsWith("-StreamThread-1-consumer"), chosen.get(0));
        assertFalse(ids.stream().filter(i -> i.contains("restore-consumer")).anyMatch(i -> selected.matcher(i).matches()));
    }

    @Test
    void theDashboardCoversThroughputDeadLettersLatencyModelLagAndTrends() throws Exception {
        String all = String.join("\n", expressions());
        for (String metric : List.of("glostream_documents_in_total", "glostream_documents_out_total",
                "glostream_dead_letters_total", "glostream_inference_latency_seconds_bucket", "glostream_model_info",
                "kafka_consumer_fetch_manager_records_lag_max", "glostream_documents_top_topic_total")) {
            assertTrue(all.contains(metric), "no panel queries " + metric);
        }
    }
}
