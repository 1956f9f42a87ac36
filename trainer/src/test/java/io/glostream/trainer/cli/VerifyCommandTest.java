package io.glostream.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.Tampering;
import io.glostream.core.model.ServableBundle;
import io.glostream.trainer.TrainerCli;
import io.glostream.trainer.export.TrainedBilingualModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void saysOkWithTheManifestSummaryForAnIntactBundle() throws IOException {
        Path bundle = new ServableBundle(5).writeTo(dir.resolve("bundle"));
        CliRun run = CliRun.of("verify", bundle.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("OK " + bundle + System.lineSeparator()), run.stdout());
        assertTrue(run.stdout().contains("languages  en (V=12), zh (V=9)"), run.stdout());
        assertTrue(run.stdout().contains("model      servable-test, version servable-1"), run.stdout());
    }

    @Test
    void refusesAMissingBundleInOneLine() {
        Path missing = dir.resolve("nope");
        CliRun run = CliRun.of("verify", missing.toString());
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode());
        assertEquals("glostream-trainer verify: " + missing + ": no bundle directory or zip here", run.stderr().strip());
    }

    @Test
    void refusesATamperedBundleNamingTheFile() throws IOException {
        Path bundle = new ServableBundle(5).writeTo(dir.resolve("bundle"));
        Tampering.flipByte(bundle.resolve(BundleLayout.TOPIC_WORD_FILE), 130);
        CliRun run = CliRun.of("verify", bundle.toString());
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode());
        assertEquals("glostream-trainer verify: topic-word.npy: sha256 mismatch (tampered or truncated)",
                run.stderr().strip());
    }

    @Test
    void comparesTheEncodersWithTheCheckpointOnDocumentsDrawnFromTheVocabularies() throws IOException {
        TrainedBilingualModel trained = TrainedBilingualModel.get();
        Path bundle = trained.exportTo(dir.resolve("bundle"));
        Path checkpoint = dir.resolve("model.ckpt");
        trained.saveCheckpoint(checkpoint);

        CliRun run = CliRun.of("verify", bundle.toString(), "--checkpoint", checkpoint.toString(), "--docs", "300");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("parity     en: 300 documents"), run.stdout());
        assertTrue(run.stdout().contains("parity     zh: 300 documents"), run.stdout());
    }

    @Test
    void comparesOnTheTestDocumentsOfDataWhenGiven() throws IOException {
        TrainedBilingualModel trained = TrainedBilingualModel.get();
        Path bundle = trained.exportTo(dir.resolve("bundle"));
        Path checkpoint = dir.resolve("model.ckpt");
        trained.saveCheckpoint(checkpoint);
        Path data = Files.createDirectories(dir.resolve("data"));
        Random random = new Random(9);
        writeJsonl(data.resolve("en.jsonl"), TrainedBilingualModel.texts(0, 40, random));
        writeJsonl(data.resolve("zh.jsonl"), TrainedBilingualModel.texts(1, 30, random));

        CliRun run = CliRun.of("verify", bundle.toString(), "--checkpoint", checkpoint.toString(),
                "--data", data.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("parity     en: 40 documents"), run.stdout());
        assertTrue(run.stdout().contains("parity     zh: 30 documents"), run.stdout());
    }

    @Test
    void refusesWhenThetaDiffersFromTheCheckpointByMoreThanTheTolerance() throws IOException {
        TrainedBilingualModel trained = TrainedBilingualModel.get();
        Path bundle = trained.exportTo(dir.resolve("bundle"));
        Path checkpoint = dir.resolve("model.ckpt");
        trained.saveCheckpoint(checkpoint);

        CliRun run = CliRun.of("verify", bundle.toString(), "--checkpoint", checkpoint.toString(), "--docs", "50",
                "--tolerance", "0");
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.stderr().startsWith("glostream-trainer verify: encoder-global.onnx: theta on en documents"
                + " differs from the checkpoint's by "), run.stderr());
    }

    @Test
    void refusesACheckpointOfAnotherModel() throws IOException {
        Path bundle = new ServableBundle(5).writeTo(dir.resolve("bundle"));
        Path checkpoint = dir.resolve("model.ckpt");
        TrainedBilingualModel.get().saveCheckpoint(checkpoint);

        CliRun run = CliRun.of("verify", bundle.toString(), "--checkpoint", checkpoint.toString());
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.stderr().strip().endsWith("has K=4, V=60+48; the bundle has K=4, V=12+9"), run.stderr());
    }

    private static void writeJsonl(Path file, List<String> texts) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            lines.add("{\"id\": \"d" + i + "\", \"text\": \"" + texts.get(i).strip() + "\"}");
        }
        Files.write(file, lines);
    }
}
