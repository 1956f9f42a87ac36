package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.schemas.Document;
import io.glostream.stream.demo.DemoRun;
import io.glostream.stream.testing.StreamScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same exactly-once scenario against the official {@code apache/kafka} image, for machines with a
 * Docker engine; skipped cleanly where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class StreamAppTestcontainersTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));

    @TempDir
    Path dir;

    @Test
    void mixedAndMalformedRecordsGiveExactlyOneResultEachOnARealKafkaImage() throws Exception {
        List<Document> documents = ScenarioDocuments.mixed(2_000, "tc-");
        try (StreamScenario scenario = new StreamScenario(KAFKA.getBootstrapServers(), 3, dir.resolve("state"), Map.of())) {
            scenario.start();
            var malformed = DemoRun.malformed(scenario.settings().documentsTopic(), scenario.settings().maxTextChars());
            scenario.send(documents);
            scenario.sendRaw(malformed);
            int expected = documents.size() + malformed.size();
            StreamScenario.Results results = scenario.readResults(expected, Duration.ofMinutes(4));
            assertEquals(expected, results.size());
            Set<String> ids = new HashSet<>();
            results.tagged.forEach(t -> ids.add(t.topics().getId()));
            assertEquals(results.tagged.size(), ids.size());
            assertTrue(results.deadLetters.size() >= malformed.size(), "every malformed record dead-lettered");
        }
    }
}
