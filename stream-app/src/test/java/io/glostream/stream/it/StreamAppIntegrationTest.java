package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.model.TopicModel;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.ModelRef;
import io.glostream.stream.StreamApp;
import io.glostream.stream.demo.DemoRun;
import io.glostream.stream.model.ModelPublisher;
import io.glostream.stream.model.ModelRefs;
import io.glostream.stream.testing.SampleBundles;
import io.glostream.stream.testing.SharedKafka;
import io.glostream.stream.testing.StreamScenario;
import io.glostream.trainer.TrainerCli;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream app against the real in-process KRaft broker, under exactly-once. */
class StreamAppIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RESULTS_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    void tenThousandMixedDocumentsGiveExactlyOneResultEachAndTheSameThetaAsTrainerInfer() throws Exception {
        List<Document> documents = ScenarioDocuments.mixed(10_000, "doc-");
        try (StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 4, dir.resolve("state"), Map.of())) {
            scenario.start();
            var malformed = DemoRun.malformed(scenario.settings().documentsTopic(), scenario.settings().maxTextChars());
            scenario.send(documents);
            scenario.sendRaw(malformed);
            int expected = documents.size() + malformed.size();
            StreamScenario.Results results = scenario.readResults(expected, RESULTS_TIMEOUT);

            assertEquals(expected, results.size());
            Map<String, Integer> seen = new HashMap<>();
            results.tagged.forEach(t -> seen.merge(t.topics().getId(), 1, Integer::sum));
            results.deadLetters.forEach(d -> seen.merge(key(d), 1, Integer::sum));
            assertEquals(expected, seen.size(), "every input id once");
            assertTrue(seen.values().stream().allMatch(n -> n == 1), "no input id twice");
            Set<DeadLetterReason> reasons = new HashSet<>();
            results.deadLetters.forEach(d -> reasons.add(d.getReason()));
            assertTrue(reasons.containsAll(List.of(DeadLetterReason.UNDECODABLE, DeadLetterReason.MISSING_TEXT,
                    DeadLetterReason.EMPTY_TEXT, DeadLetterReason.TEXT_TOO_LONG, DeadLetterReason.UNKNOWN_LANGUAGE,
                    DeadLetterReason.UNSUPPORTED_LANGUAGE)), reasons.toString());

            assertSameThetaAsTrainerInfer(documents, results);
        }
    }

    @Test
    void aHotSwapMidStreamSwitchesTheVersionWithNoDocumentLostOrTaggedTwice() throws Exception {
        Path v2 = SampleBundles.copyWithVersion(dir.resolve("sample-2"), "sample-2");
        List<Document> documents = ScenarioDocuments.mixed(4_000, "swap-");
        try (StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 2, dir.resolve("state"),
                Map.of("batch.size", "16"))) {
            scenario.start();
            scenario.send(documents.subList(0, 2_000));
            scenario.readResults(500, RESULTS_TIMEOUT);
            publish(scenario, v2, "sample-2");
            scenario.send(documents.subList(2_000, 4_000));
            StreamScenario.Results results = scenario.readResults(documents.size(), RESULTS_TIMEOUT);

            assertEquals(documents.size(), results.size());
            assertEquals(documents.size(), new HashSet<>(ids(results)).size());
            assertEquals("sample-2", scenario.app().models().version());
            Map<Integer, List<String>> versionsByPartition = new TreeMap<>();
            for (StreamScenario.Tagged tagged : results.tagged) {
                versionsByPartition.computeIfAbsent(tagged.partition(), p -> new ArrayList<>())
                        .add(tagged.topics().getModelVersion());
            }
            for (List<String> versions : versionsByPartition.values()) {
                int firstNew = versions.indexOf("sample-2");
                assertTrue(firstNew > 0, "each partition served both versions, in order");
                assertTrue(versions.subList(firstNew, versions.size()).stream().allMatch("sample-2"::equals),
                        "no output of the old model after the new one in a partition");
            }
            assertEquals(1.0, scenario.app().registry().get("glostream.model.swaps").counter().count());
        }
    }

    @Test
    void aBundleThatFailsVerificationIsRefusedAndTheServingModelStays() throws Exception {
        Path bad = SampleBundles.copyWithVersion(dir.resolve("bad"), "sample-bad");
        try (StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 1, dir.resolve("state"), Map.of())) {
            scenario.start();
            ModelRef ref;
            try (TopicModel model = TopicModel.load(bad)) {
                ref = ModelRefs.of(model, bad);
            }
            byte[] vocab = Files.readAllBytes(bad.resolve("vocab-zh.txt"));
            vocab[vocab.length / 2] ^= 1;
            Files.write(bad.resolve("vocab-zh.txt"), vocab);
            ModelPublisher.publish(scenario.app().clientSettings(), scenario.settings().modelsTopic(),
                    SampleBundles.SAMPLE_NAME, ref);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (scenario.app().registry().get("glostream.model.refused").counter().count() < 1
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1.0, scenario.app().registry().get("glostream.model.refused").counter().count());
            scenario.send(ScenarioDocuments.mixed(100, "after-"));
            StreamScenario.Results results = scenario.readResults(100, RESULTS_TIMEOUT);
            assertEquals(100, results.size());
            assertTrue(results.tagged.stream().allMatch(t -> t.topics().getModelVersion().equals("sample-1")));
            assertEquals("sample-1", scenario.app().models().version());
        }
    }

    @Test
    void theEndpointsServeMetricsHealthReadinessAndTrendsOfTheRunningApp() throws Exception {
        try (StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 1, dir.resolve("state"),
                Map.of("http.port", "0", "http.host", "127.0.0.1"))) {
            scenario.start();
            scenario.send(List.of(StreamScenario.document("m1", "en", "football players coach team"),
                    StreamScenario.document("m2", null, "中国股市今天大幅下跌")));
            assertEquals(2, scenario.readResults(2, RESULTS_TIMEOUT).tagged.size());
            int port = scenario.app().httpPort().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            String metrics = get(http, port, "/metrics", 200);
            assertTrue(metrics.contains("glostream_documents_in_total{lang=\"en\"} 1.0"), metrics);
            assertTrue(metrics.contains("glostream_documents_out_total{lang=\"zh\"} 1.0"), metrics);
            assertTrue(metrics.contains("glostream_model_info{version=\"sample-1\"} 1"), metrics);
            assertTrue(metrics.contains("kafka_stream_"), "Kafka Streams metrics through the binder");
            get(http, port, "/health", 200);
            get(http, port, "/ready", 200);
            assertEquals(2, awaitDocuments(http, port, "/trends?window=1h", 2));
            JsonNode trends = JSON.readTree(get(http, port, "/trends?window=1h", 200));
            assertEquals("sample-1", trends.get("modelVersion").asText());
            JsonNode zh = JSON.readTree(get(http, port, "/trends?lang=zh&window=1h", 200));
            assertEquals(1, zh.get("documents").asInt());
            get(http, port, "/admin", 404);
        }
    }

    @Test
    void twoInstancesShareTheWorkAndEachAnswersTrendsForTheWholeApplication() throws Exception {
        int portA = freePort();
        int portB = freePort();
        try (StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 2, dir.resolve("state-a"),
                Map.of("http.host", "127.0.0.1", "http.port", Integer.toString(portA),
                        "http.advertised", "127.0.0.1:" + portA))) {
            scenario.start();
            try (StreamApp second = StreamApp.start(scenario.settings()
                    .with("http.port", Integer.toString(portB))
                    .with("http.advertised", "127.0.0.1:" + portB)
                    .with("state.dir", dir.resolve("state-b").toString()))) {
                second.awaitRunning(Duration.ofMinutes(2));
                scenario.app().awaitRunning(Duration.ofMinutes(2));
                scenario.send(ScenarioDocuments.mixed(400, "fed-"));
                StreamScenario.Results results = scenario.readResults(400, RESULTS_TIMEOUT);
                assertEquals(400, results.size());
                long tagged = results.tagged.size();
                HttpClient http = HttpClient.newHttpClient();
                assertEquals(tagged, awaitDocuments(http, portA, "/trends?window=1h", tagged));
                assertEquals(tagged, awaitDocuments(http, portB, "/trends?window=1h", tagged));
                long localA = documents(http, portA, "/trends/local?window=1h");
                long localB = documents(http, portB, "/trends/local?window=1h");
                assertEquals(tagged, localA + localB, "each instance counts its own partitions");
                assertTrue(localA > 0 && localB > 0, "both instances have partitions: " + localA + " / " + localB);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Trends are counted behind a repartition topic, committed on the commit interval, so a result on the output
     * topic can be ahead of its count; wait for the count to catch up, and return what it reached.
     */
    private static long awaitDocuments(HttpClient http, int port, String path, long expected) throws Exception {
        long deadline = System.nanoTime() + RESULTS_TIMEOUT.toNanos();
        long seen = documents(http, port, path);
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = documents(http, port, path);
        }
        return seen;
    }

    private static long documents(HttpClient http, int port, String path) throws Exception {
        return JSON.readTree(get(http, port, path, 200)).get("documents").asLong();
    }

    private static String get(HttpClient http, int port, String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    @Test
    void atStartTheLatestAnnouncedModelWinsOverTheConfiguredOne() throws Exception {
        Path v3 = SampleBundles.copyWithVersion(dir.resolve("sample-3"), "sample-3");
        try (StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 1, dir.resolve("state"), Map.of())) {
            try (TopicModel model = TopicModel.load(v3)) {
                ModelPublisher.publish(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()),
                        scenario.settings().modelsTopic(), SampleBundles.SAMPLE_NAME, ModelRefs.of(model, v3));
            }
            scenario.start();
            assertEquals("sample-3", scenario.app().models().version());
            scenario.send(ScenarioDocuments.mixed(10, "start-"));
            assertTrue(scenario.readResults(10, RESULTS_TIMEOUT).tagged.stream()
                    .allMatch(t -> t.topics().getModelVersion().equals("sample-3")));
        }
    }

    private void assertSameThetaAsTrainerInfer(List<Document> documents, StreamScenario.Results results) throws Exception {
        Path input = dir.resolve("documents.jsonl");
        List<String> lines = new ArrayList<>();
        for (Document document : documents) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", document.getId());
            if (document.getLang() != null) {
                line.put("lang", document.getLang());
            }
            line.put("text", document.getText());
            lines.add(JSON.writeValueAsString(line));
        }
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path output = dir.resolve("inferred.jsonl");
        StringWriter err = new StringWriter();
        int exit = TrainerCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "infer", "--model",
                SampleBundles.SAMPLE.toString(), "--input", input.toString(), "--output", output.toString());
        assertEquals(0, exit, err.toString());
        Map<String, JsonNode> inferred = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            inferred.put(node.get("id").asText(), node);
        }
        double worst = 0;
        for (StreamScenario.Tagged tagged : results.tagged) {
            DocumentTopics topics = tagged.topics();
            JsonNode reference = inferred.get(topics.getId());
            assertTrue(reference != null && reference.has("theta"), "trainer infer tagged " + topics.getId());
            assertEquals(reference.get("lang").asText(), topics.getLang());
            assertEquals(reference.get("tokens").asInt(), topics.getTokens());
            for (int k = 0; k < topics.getTheta().size(); k++) {
                worst = Math.max(worst, Math.abs(topics.getTheta().get(k) - reference.get("theta").get(k).floatValue()));
            }
        }
        long inferErrors = inferred.values().stream().filter(node -> node.has("error")).count();
        long streamRejected = results.deadLetters.stream().filter(d -> key(d).startsWith("doc-")).count();
        assertEquals(inferErrors, streamRejected, "both refuse the same documents");
        assertTrue(worst <= 1e-6, "max |theta difference| " + worst);
    }

    private static void publish(StreamScenario scenario, Path bundle, String version) throws Exception {
        try (TopicModel model = TopicModel.load(bundle)) {
            assertEquals(version, model.version());
            ModelPublisher.publish(scenario.app().clientSettings(), scenario.settings().modelsTopic(),
                    SampleBundles.SAMPLE_NAME, ModelRefs.of(model, bundle));
        }
    }

    private static List<String> ids(StreamScenario.Results results) {
        List<String> ids = new ArrayList<>();
        results.tagged.forEach(t -> ids.add(t.topics().getId()));
        results.deadLetters.forEach(d -> ids.add(key(d)));
        return ids;
    }

    private static String key(DeadLetter letter) {
        ByteBuffer key = letter.getOriginalKey();
        if (key == null) {
            return "null@" + letter.getOffset();
        }
        ByteBuffer copy = key.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
