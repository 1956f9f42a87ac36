package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glostream.core.model.TopicModel;
import io.glostream.schemas.Document;
import io.glostream.schemas.ModelRef;
import io.glostream.stream.model.ModelPublisher;
import io.glostream.stream.model.ModelRefs;
import io.glostream.stream.reliability.ReliabilityRow;
import io.glostream.stream.testing.SampleBundles;
import io.glostream.stream.testing.SharedKafka;
import io.glostream.stream.testing.StreamScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three announcements while documents flow: a good retrain (swapped in), a bundle corrupted after it was announced
 * (refused: checksum), and a bundle whose languages are en + ja instead of en + zh (refused: it would drop zh). No
 * document may be lost or tagged twice, and only the good one may serve. The 100,000 documents are the soak
 * run's ({@code ReliabilitySoak}); here a size that keeps the test short.
 */
class HotSwapUnderLoadTest {

    private static final int DOCUMENTS = Integer.getInteger("glostream.reliability.swap-docs", 4_000);

    @TempDir
    Path dir;

    @Test
    void aGoodACorruptAndAnotherLanguagesBundleWhileDocumentsFlow() throws Exception {
        List<Document> documents = ScenarioDocuments.mixed(DOCUMENTS, "swap-load-");
        Path good = SampleBundles.copyWithVersion(dir.resolve("sample-2"), "sample-2");
        Path corrupt = SampleBundles.copyWithVersion(dir.resolve("sample-corrupt"), "sample-corrupt");
        Path otherLanguages = SampleBundles.copyWithLanguage(dir.resolve("sample-ja"), "sample-ja", "ja");
        int quarter = DOCUMENTS / 4;
        try (StreamScenario scenario = new StreamScenario(SharedKafka.bootstrapServers(), 2, dir.resolve("state"),
                FaultRun.faultSettings("exactly_once_v2"))) {
            scenario.start();
            scenario.send(documents.subList(0, quarter));
            scenario.readResults(quarter / 2, FaultRun.RESULTS_TIMEOUT);
            FaultRun.publish(scenario, good);
            scenario.send(documents.subList(quarter, 2 * quarter));
            announceThenCorrupt(scenario, corrupt);
            scenario.send(documents.subList(2 * quarter, 3 * quarter));
            FaultRun.publish(scenario, otherLanguages);
            scenario.send(documents.subList(3 * quarter, DOCUMENTS));
            StreamScenario.Results results = scenario.readResults(DOCUMENTS, FaultRun.RESULTS_TIMEOUT);
            awaitRefusals(scenario, 2);

            ReliabilityRow row = FaultRun.tally("hot swap while documents flow + corrupt bundle + bundle of other "
                    + "languages", "exactly_once_v2", documents, results);
            assertEquals(0, row.lost(), row.toString());
            assertEquals(0, row.duplicated(), row.toString());
            assertEquals(DOCUMENTS, row.out() + row.deadLettered());
            assertEquals("sample-2", scenario.app().models().version());
            assertEquals(1.0, scenario.app().registry().get("glostream.model.swaps").counter().count());
            assertEquals(2.0, scenario.app().registry().get("glostream.model.refused").counter().count());
            assertEquals(List.of("sample-1", "sample-2"), results.tagged.stream()
                    .map(t -> t.topics().getModelVersion()).distinct().sorted().toList());
        }
    }

    /** Announces the bundle with its true checksum, then flips a byte of a vocabulary: what a torn copy looks like. */
    private static void announceThenCorrupt(StreamScenario scenario, Path bundle) throws Exception {
        ModelRef ref;
        try (TopicModel model = TopicModel.load(bundle)) {
            ref = ModelRefs.of(model, bundle);
        }
        byte[] vocab = Files.readAllBytes(bundle.resolve("vocab-en.txt"));
        vocab[vocab.length / 3] ^= 1;
        Files.write(bundle.resolve("vocab-en.txt"), vocab);
        ModelPublisher.publish(scenario.app().clientSettings(), scenario.settings().modelsTopic(),
                SampleBundles.SAMPLE_NAME, ref);
    }

    private static void awaitRefusals(StreamScenario scenario, int refusals) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (scenario.app().registry().get("glostream.model.refused").counter().count() < refusals
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
