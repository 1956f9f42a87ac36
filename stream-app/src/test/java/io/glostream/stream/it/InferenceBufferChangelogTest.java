package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.glostream.schemas.Document;
import io.glostream.stream.testing.KafkaTestClients;
import io.glostream.stream.testing.SharedKafka;
import io.glostream.stream.testing.StreamScenario;
import io.glostream.stream.topology.TopicInferenceProcessor;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the batch buffer costs the broker: documents put and flushed between two commits must reach the
 * buffer's changelog as tombstones only, not as copies of the documents.
 */
class InferenceBufferChangelogTest {

    private static final int DOCUMENTS = 40;

    @TempDir
    Path dir;

    @Test
    void documentsFlushedBetweenCommitsLeaveOnlyTombstonesInTheBufferChangelog() throws Exception {
        List<Document> documents = ScenarioDocuments.mixed(DOCUMENTS, "buffer-");
        StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 1, dir.resolve("state"),
                Map.of("batch.size", "8", "kafka.commit.interval.ms", "300000",
                        "kafka.producer.transaction.timeout.ms", "300000"));
        String changelog = scenario.settings().applicationId() + "-" + TopicInferenceProcessor.BUFFER_STORE
                + "-changelog";
        try (scenario) {
            scenario.start();
            scenario.send(documents);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (tagged(scenario) < DOCUMENTS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(DOCUMENTS, tagged(scenario), "every document tagged before the first commit");
        }

        StreamScenario.Results results = scenario.readResults(DOCUMENTS, Duration.ofMinutes(1));
        assertEquals(DOCUMENTS, results.tagged.size());
        assertEquals(DOCUMENTS, new HashSet<>(results.tagged.stream().map(t -> t.topics().getId()).toList()).size());
        List<ConsumerRecord<byte[], byte[]>> changelogRecords = KafkaTestClients.readToEnd(
                SharedKafka.bootstrapServers(), changelog, IsolationLevel.READ_COMMITTED, Duration.ofMinutes(1));
        assertFalse(changelogRecords.isEmpty(), changelog + " is empty: the buffer is no longer logged");
        long values = changelogRecords.stream().filter(r -> r.value() != null).count();
        assertEquals(0, values, values + " documents copied into " + changelog);
        assertEquals(DOCUMENTS, changelogRecords.size() - values);
    }

    private static double tagged(StreamScenario scenario) {
        return scenario.app().registry().find("glostream.documents.out").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
