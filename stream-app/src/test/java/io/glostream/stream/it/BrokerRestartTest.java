package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.schemas.Document;
import io.glostream.stream.broker.BrokerOptions;
import io.glostream.stream.broker.EmbeddedKafkaBroker;
import io.glostream.stream.reliability.ReliabilityRow;
import io.glostream.stream.testing.StreamScenario;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only broker of the cluster stops mid-stream and starts again on its data directory and ports: the app must
 * carry on by itself, and every input id must be read committed exactly once.
 */
class BrokerRestartTest {

    @TempDir
    Path dir;

    @Test
    void theAppRecoversFromABrokerRestartWithEveryInputExactlyOnce() throws Exception {
        List<Document> documents = ScenarioDocuments.mixed(2_000, "restart-");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.defaults().withDataDir(dir.resolve("broker")));
        BrokerOptions options = broker.options();
        try {
            ReliabilityRow row;
            try (StreamScenario scenario = new StreamScenario(broker.bootstrapServers(), 2, dir.resolve("state"),
                    FaultRun.faultSettings("exactly_once_v2"))) {
                scenario.start();
                scenario.send(documents.subList(0, 1_000));
                scenario.readResults(300, FaultRun.RESULTS_TIMEOUT);
                broker.close();
                broker = EmbeddedKafkaBroker.start(options);
                scenario.send(documents.subList(1_000, documents.size()));
                StreamScenario.Results results = scenario.readResults(documents.size(), FaultRun.RESULTS_TIMEOUT);
                row = FaultRun.tally("broker restarted mid-stream", "exactly_once_v2", documents, results);
                KafkaStreams.State state = scenario.app().streams().state();
                assertTrue(state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING,
                        "the app runs on after the restart: " + state);
            }
            assertEquals(0, row.lost(), row.toString());
            assertEquals(0, row.duplicated(), row.toString());
            assertEquals(documents.size(), row.out() + row.deadLettered(), row.toString());
        } finally {
            broker.close();
        }
    }
}
