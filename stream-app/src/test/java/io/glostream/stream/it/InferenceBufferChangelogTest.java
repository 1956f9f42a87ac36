package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.schemas.Document;
import io.glostream.stream.testing.SharedKafka;
import io.glostream.stream.testing.StreamScenario;
import io.glostream.stream.topology.TopicInferenceProcessor;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
        Map<String, Integer> changelogRecords = readAll(changelog);
        assertEquals(0, changelogRecords.getOrDefault("values", 0), changelogRecords.toString());
        assertEquals(DOCUMENTS, changelogRecords.getOrDefault("tombstones", 0), changelogRecords.toString());
    }

    private static double tagged(StreamScenario scenario) {
        return scenario.app().registry().find("glostream.documents.out").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** Counts the committed records of a one-partition topic: values and tombstones. */
    private static Map<String, Integer> readAll(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            assertTrue(end > 0, topic + " is empty: the buffer is no longer logged");
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(record.value() == null ? "tombstones" : "values", 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
