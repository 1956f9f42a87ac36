package io.glostream.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.bundle.ModelBundle;
import io.glostream.core.model.TopicModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on 300 committed sample documents: every result accounted for, every field written. */
class E2eHarnessTest {

    private static final Path ROOT = Path.of(System.getProperty("glostream.root", ".."));
    private static final Path MODEL = ROOT.resolve("sample/bundle");
    private static final Path DATA = ROOT.resolve("sample/ec_news");
    private static final int DOCUMENTS = 300;
    private static final int WARMUP = 50;

    @Test
    void accountsForEveryDocumentAndWritesEveryField(@TempDir Path dir) throws Exception {
        E2eSettings settings = new E2eSettings(DOCUMENTS, WARMUP, 2, 1, "exactly_once_v2", LangMix.MIXED, 0.02, 16,
                Duration.ofMillis(50), MODEL, DATA, LatencyRate.parse("50%"), 1, 1, false, Duration.ofMinutes(3),
                Map.of("kafka.producer.linger.ms", "5"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        E2eResult result = new E2eHarness(settings, new PrintStream(log, true, StandardCharsets.UTF_8)).run("test");
        Path file = dir.resolve("e2e.json");
        result.write(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        for (String field : List.of("guarantee", "lang_mix", "documents", "partitions", "threads", "batch_size",
                "docs_per_s", "bound_docs_per_s", "ratio_to_bound", "p50_ms", "p99_ms", "p999_ms", "heap_max_mb",
                "gc_time_share", "command", "git_commit", "jvm", "cpu_model", "date", "load_average_start",
                "visible_p99_ms", "latency_rate_docs_per_s", "docs_per_cpu_s", "bound_docs_per_cpu_s", "cpu_ratio_to_bound",
                "process_cpu_cores", "stream_threads_busy_share", "cpu_us_per_doc", "app_featurize_us_per_doc",
                "app_infer_us_per_doc")) {
            assertTrue(json.hasNonNull(field), "no " + field + " in " + json);
        }
        assertEquals("exactly_once_v2", json.get("guarantee").asText());
        assertEquals("mixed", json.get("lang_mix").asText());
        assertEquals(DOCUMENTS, json.get("documents").asInt());
        assertEquals(WARMUP, json.get("warmup_documents").asInt());
        assertEquals(2, json.get("partitions").asInt());
        assertEquals(16, json.get("batch_size").asInt());
        assertEquals("5", json.get("app_settings").get("kafka.producer.linger.ms").asText());

        // 2% of 300 malformed records, all dead letters; documents without a token after analysis are dead letters too.
        int empty = documentsWithoutTokens();
        assertEquals(6, json.get("malformed").asInt());
        assertEquals(DOCUMENTS + 6, json.get("results").asLong());
        assertEquals(DOCUMENTS - empty, json.get("tagged").asInt());
        assertEquals(6 + empty, json.get("dead_letters").asInt());
        assertEquals(0, json.get("duplicates").asInt(), "exactly-once delivered a result twice");

        double docsPerSecond = json.get("docs_per_s").asDouble();
        double bound = json.get("bound_docs_per_s").asDouble();
        assertTrue(docsPerSecond > 0 && bound > 0, json.toString());
        assertEquals(docsPerSecond / bound, json.get("ratio_to_bound").asDouble(), 0.002);
        double perCpu = json.get("docs_per_cpu_s").asDouble();
        double boundPerCpu = json.get("bound_docs_per_cpu_s").asDouble();
        assertTrue(perCpu > 0 && boundPerCpu > 0, json.toString());
        assertEquals(perCpu / boundPerCpu, json.get("cpu_ratio_to_bound").asDouble(), 0.002);
        assertTrue(json.get("p50_ms").asDouble() <= json.get("p99_ms").asDouble());
        assertTrue(json.get("p99_ms").asDouble() <= json.get("p999_ms").asDouble());
        assertTrue(json.get("latency_documents").asInt() >= 1);
        assertTrue(json.get("latency_basis").asText().startsWith("latency phase"));
        assertEquals(1, json.get("latency_settle_seconds").asInt());
        try (ModelBundle bundle = ModelBundle.open(MODEL)) {
            assertEquals(bundle.manifest().createdAt(), json.get("model_created_at").asText());
        }
        assertTrue(json.get("latency_basis").asText().endsWith("after 1 s at that rate to settle"), json.toString());
        JsonNode timeline = json.get("latency_timeline");
        long inTimeline = 0;
        double timelineMax = 0;
        for (JsonNode slice : timeline) {
            inTimeline += slice.get("documents").asLong();
            timelineMax = Math.max(timelineMax, slice.get("max_ms").asDouble());
        }
        // The timeline holds the settling second's documents too: more than the measured ones, and a max at least
        // the measured max (documents that analyse to nothing are dead letters, in no slice).
        assertTrue(inTimeline > json.get("latency_documents").asLong(), timeline.toString());
        assertTrue(timelineMax >= json.get("max_ms").asDouble() - 1, timeline.toString());
        // Ingest and app time split each document's latency at its input's append: neither passes the whole.
        long split = json.get("latency_split_documents").asLong();
        assertTrue(split > 0 && split <= json.get("latency_documents").asLong(), json.toString());
        double max = json.get("max_ms").asDouble();
        for (String part : List.of("ingest_p50_ms", "ingest_p99_ms", "app_p50_ms", "app_p99_ms", "app_p999_ms")) {
            double value = json.get(part).asDouble();
            assertTrue(value >= 0 && value <= max, part + " " + value + " against max " + max);
        }
        assertTrue(json.get("app_p50_ms").asDouble() > 0, "the app took no time: " + json);
        // The app's meters split the mean time in the app: read, held for the batch, then the send path.
        JsonNode timeSplit = json.get("app_time_split");
        double inApp = timeSplit.get("in_app_mean_ms").asDouble();
        double read = timeSplit.get("read_delay_mean_ms").asDouble();
        double hold = timeSplit.get("hold_mean_ms").asDouble();
        assertTrue(inApp > 0 && read >= 0 && hold > 0, timeSplit.toString());
        assertTrue(read + hold <= inApp * 1.2 + 25, "the parts pass the whole: " + timeSplit);
        for (String part : List.of("read_delay", "hold")) {
            double p50 = timeSplit.get(part + "_p50_ms").asDouble();
            assertTrue(p50 > 0 && p50 <= timeSplit.get(part + "_p99_ms").asDouble(), timeSplit.toString());
        }
        JsonNode thread = json.get("stream_thread_latencies");
        assertTrue(thread.get("commit_latency_max_ms").asDouble() > 0, thread.toString());
        assertTrue(thread.get("process_latency_avg_ms").asDouble() >= 0, thread.toString());
        assertTrue(json.get("producer_retries").isIntegralNumber() && json.get("producer_retries").asLong() >= 0,
                json.toString());
        // The app's featurisation and encoder time are parts of what its stream thread spends per result.
        double featurize = json.get("app_featurize_us_per_doc").asDouble();
        double infer = json.get("app_infer_us_per_doc").asDouble();
        assertTrue(featurize > 0 && infer > 0, json.toString());
        JsonNode cpu = json.get("cpu_us_per_doc");
        List<String> kinds = new ArrayList<>();
        cpu.fieldNames().forEachRemaining(kinds::add);
        assertEquals(List.of("broker", "gc", "harness", "jit", "jvm", "kafka_client_io", "other_threads",
                "stream_threads"), kinds);
        assertTrue(cpu.get("stream_threads").asDouble() > 0, cpu.toString());
        double gcShare = json.get("gc_time_share").asDouble();
        assertTrue(gcShare >= 0 && gcShare <= 1, "gc_time_share " + gcShare);

        Path png = dir.resolve("e2e.png");
        E2eChart.write(E2eChart.read(List.of(file)), png);
        assertTrue(Files.size(png) > 0);
    }

    private static int documentsWithoutTokens() throws Exception {
        int empty = 0;
        try (TopicModel model = TopicModel.load(MODEL, 1)) {
            for (BenchCorpus.BenchDocument document : BenchCorpus.load(DATA, LangMix.MIXED).documents(WARMUP, DOCUMENTS)) {
                if (model.featurizer().featurize(document.lang(), document.text()).bow().tokens() == 0) {
                    empty++;
                }
            }
        }
        return empty;
    }

    @Test
    void refusesAMissingModelInOneLine() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new E2eSettings(10, 0, 1, 1, "exactly_once_v2", LangMix.EN, 0, 8, Duration.ofMillis(50),
                        ROOT.resolve("no-such-bundle"), DATA, Optional.empty(), 1, 0, false, Duration.ofMinutes(1), Map.of()));
        assertTrue(e.getMessage().startsWith("--model "), e.getMessage());
    }

    @Test
    void refusesToLetSetOverrideWhatTheHarnessSets() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new E2eSettings(10, 0, 1, 1, "exactly_once_v2", LangMix.EN, 0, 8, Duration.ofMillis(50), MODEL, DATA,
                        Optional.empty(), 1, 0, false, Duration.ofMinutes(1), Map.of("batch.size", "8")));
        assertTrue(e.getMessage().startsWith("--set batch.size: the harness sets it"), e.getMessage());
    }

    @Test
    void refusesANegativeSettle() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new E2eSettings(10, 0, 1, 1, "exactly_once_v2", LangMix.EN, 0, 8, Duration.ofMillis(50), MODEL, DATA,
                        Optional.empty(), 1, -1, false, Duration.ofMinutes(1), Map.of()));
        assertEquals("--latency-settle-seconds must be at least 0, got -1", e.getMessage());
    }
}
