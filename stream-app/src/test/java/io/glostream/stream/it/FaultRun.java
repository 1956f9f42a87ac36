package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.model.TopicModel;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.Document;
import io.glostream.stream.model.ModelPublisher;
import io.glostream.stream.model.ModelRefs;
import io.glostream.stream.reliability.ReliabilityRow;
import io.glostream.stream.testing.SampleBundles;
import io.glostream.stream.testing.StreamProcess;
import io.glostream.stream.testing.StreamScenario;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the fault tests share: sending in stages, killing an instance in a JVM of its own, tallying the results. */
final class FaultRun {

    static final Duration RESULTS_TIMEOUT = Duration.ofMinutes(4);
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Settings that let a group notice a killed member in seconds rather than the default 45 s, and small batches
     * so that many transactions are in flight when something fails.
     */
    static Map<String, String> faultSettings(String guarantee) {
        return Map.of("processing.guarantee", guarantee, "batch.size", "16",
                "kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1500");
    }

    private FaultRun() {
    }

    /**
     * Two instances share the application id: one in a JVM of its own, one in this JVM. Once both tag documents, a
     * second batch is sent and the other JVM is killed (SIGKILL) while it works through it; a third batch follows,
     * and every result is read back read-committed.
     *
     * @param swapTo when not null, a bundle announced to both instances before the kill
     */
    static ReliabilityRow killOneOfTwoInstances(String caseName, String guarantee, List<Document> documents, Path dir,
            Path swapTo) throws Exception {
        int third = documents.size() / 3;
        Duration timeout = resultsTimeout(documents.size());
        try (StreamScenario scenario = new StreamScenario(io.glostream.stream.testing.SharedKafka.bootstrapServers(), 4,
                dir.resolve("state-survivor"), faultSettings(guarantee))) {
            try (StreamProcess other = StreamProcess.start(scenario.settings()
                    .with("state.dir", dir.resolve("state-killed").toString()), dir.resolve("killed.log"), START_TIMEOUT)) {
                scenario.start();
                scenario.send(documents.subList(0, third));
                StreamScenario.Results first = scenario.readResults(third, timeout);
                double survivorIn = scenario.app().registry().find("glostream.documents.in").counters().stream()
                        .mapToDouble(c -> c.count()).sum();
                assertTrue(first.size() == third && survivorIn < third, "both instances tagged part of the first "
                        + third + " documents (this JVM read " + survivorIn + ", results " + first.size() + ")");
                if (swapTo != null) {
                    publish(scenario, swapTo);
                }
                scenario.send(documents.subList(third, 2 * third));
                scenario.readResults(third + third / 4, timeout);
                assertTrue(other.isAlive(), "the other instance was still running when killed:\n" + other.output());
                other.kill();
            }
            scenario.send(documents.subList(2 * third, documents.size()));
            StreamScenario.Results results = scenario.readResults(documents.size(), timeout);
            // Under at-least-once, duplicates arrive after the last original: read a while longer to count them.
            StreamScenario.Results settled = scenario.readResults(Integer.MAX_VALUE,
                    Duration.ofSeconds(5 + documents.size() / 2_000));
            return tally(caseName, guarantee, documents, settled.size() >= results.size() ? settled : results);
        }
    }

    /** Four minutes, or 20 ms a document for the soak run's larger counts. */
    static Duration resultsTimeout(int documents) {
        Duration scaled = Duration.ofMillis(20L * documents);
        return scaled.compareTo(RESULTS_TIMEOUT) > 0 ? scaled : RESULTS_TIMEOUT;
    }

    static void publish(StreamScenario scenario, Path bundle) throws Exception {
        try (TopicModel model = TopicModel.load(bundle)) {
            ModelPublisher.publish(scenario.app().clientSettings(), scenario.settings().modelsTopic(),
                    SampleBundles.SAMPLE_NAME, ModelRefs.of(model, bundle));
        }
    }

    static ReliabilityRow tally(String caseName, String guarantee, List<Document> documents,
            StreamScenario.Results results) {
        List<String> inputs = documents.stream().map(Document::getId).toList();
        List<String> tagged = results.tagged.stream().map(t -> t.topics().getId()).toList();
        List<String> letters = new ArrayList<>();
        results.deadLetters.forEach(letter -> letters.add(key(letter)));
        return ReliabilityRow.tally(caseName, guarantee, inputs, tagged, letters).record();
    }

    static String key(DeadLetter letter) {
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
