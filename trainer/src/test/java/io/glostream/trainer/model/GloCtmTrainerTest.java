package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny synthetic fit: V1 = V2 = 30, K = 5, 200 documents per language, batch 32. */
class GloCtmTrainerTest {

    private static final int VOCAB = 30;
    private static final int TOPICS = 5;
    private static final GloCtmConfig CONFIG = GloCtmConfig.builder().numTopics(TOPICS).batchSize(32).epochs(5)
            .seed(42).build();
    private static TrainingData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        data = SyntheticCorpus.generate(VOCAB, TOPICS, 200, 3);
    }

    @Test
    void theTotalLossFallsOverFiveEpochs() {
        List<EpochStats> epochs = new ArrayList<>();
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB, VOCAB)) {
            trainer.train(data, epochs::add);
        }

        assertEquals(5, epochs.size());
        double first = epochs.get(0).meanLoss().total();
        double last = epochs.get(4).meanLoss().total();
        assertTrue(last < first - 1.0, "total loss " + first + " -> " + last);
        assertTrue(epochs.get(4).meanLoss().localReconstruction() < epochs.get(0).meanLoss().localReconstruction());
    }

    @Test
    void epochStatsCountStepsDocumentsAndEpochs() {
        List<EpochStats> epochs = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) {
                epochs.add(stats);
            }

            @Override
            public void onStep(int epoch, int step, int stepsInEpoch) {
                assertEquals(7, stepsInEpoch);
                steps.incrementAndGet();
            }
        };
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB, VOCAB)) {
            trainer.train(data, 2, listener);
            assertEquals(2, trainer.completedEpochs());
        }

        assertEquals(14, steps.get());
        assertEquals(List.of(1, 2), epochs.stream().map(EpochStats::epoch).toList());
        // 200 positions in batches of 32: six full batches and one of 8, both languages counted
        assertEquals(7, epochs.get(0).steps());
        assertEquals(400, epochs.get(0).documents());
        assertTrue(epochs.get(0).documentsPerSecond() > 0);
        assertEquals(0.002, epochs.get(1).learningRate(), 1e-15);
    }

    @Test
    void theTotalIsTheWeightedSumOfItsTerms() {
        List<EpochStats> epochs = new ArrayList<>();
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB, VOCAB)) {
            trainer.train(data, 1, epochs::add);
        }

        LossTerms t = epochs.get(0).meanLoss();
        double expected = t.globalReconstruction() + t.globalPriorKl() + t.localReconstruction() + t.localPriorKl()
                + CONFIG.lambdaKl() * t.localGlobalKl() + CONFIG.lambdaCka() * t.cka();
        assertEquals(expected, t.total(), 1e-4 * Math.abs(expected));
        assertTrue(t.cka() > 0 && t.cka() < 2, "1 - CKA summed over two languages: " + t.cka());
        assertTrue(t.localGlobalKl() > 0);
    }

    @Test
    void theRootCkaFormReachesTheLoss() {
        // one batch of all 200 documents: the first step's terms are the epoch's, with the same initial weights
        GloCtmConfig oneBatch = CONFIG.toBuilder().batchSize(200).build();
        double[] cka = new double[2];
        for (CkaLossForm form : CkaLossForm.values()) {
            List<EpochStats> epochs = new ArrayList<>();
            try (GloCtmTrainer trainer = GloCtmTrainer.create(oneBatch.toBuilder().ckaForm(form).build(), VOCAB,
                    VOCAB)) {
                trainer.train(data, 1, epochs::add);
            }
            cka[form.ordinal()] = epochs.get(0).meanLoss().cka();
        }

        // sqrt(c) > c for c in (0, 1), so per language 1 - sqrt(c) < 1 - c
        assertTrue(cka[CkaLossForm.ROOT.ordinal()] < cka[CkaLossForm.LINEAR.ordinal()] - 1e-3,
                "root " + cka[CkaLossForm.ROOT.ordinal()] + ", linear " + cka[CkaLossForm.LINEAR.ordinal()]);
    }

    @Test
    void eachWeightedTermMovesTheWeights() {
        // the bug this would have caught: a float64 cast inside CKA ran under DJL's no-grad guard, so lambdaCka
        // changed the loss value and nothing else
        float[][] base = localThetasAfterOneStep(CONFIG.toBuilder().lambdaKl(0).lambdaCka(0).build());

        float[][] withCka = localThetasAfterOneStep(CONFIG.toBuilder().lambdaKl(0).lambdaCka(300).build());
        float[][] withKl = localThetasAfterOneStep(CONFIG.toBuilder().lambdaKl(3).lambdaCka(0).build());

        assertTrue(maxDifference(base, withCka) > 1e-4, "lambdaCka moved theta by " + maxDifference(base, withCka));
        assertTrue(maxDifference(base, withKl) > 1e-4, "lambdaKl moved theta by " + maxDifference(base, withKl));
        assertEquals(0.0, maxDifference(base, localThetasAfterOneStep(CONFIG.toBuilder().lambdaKl(0).lambdaCka(0)
                .build())), 0.0, "the same settings give the same step");
    }

    private static float[][] localThetasAfterOneStep(GloCtmConfig config) {
        try (GloCtmTrainer trainer = GloCtmTrainer.create(config.toBuilder().batchSize(200).build(), VOCAB, VOCAB)) {
            trainer.train(data, 1, stats -> { });
            return trainer.model().thetaLocal(1, data.language(1).bow());
        }
    }

    private static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    @Test
    void trainedThetasSumToOne() {
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB, VOCAB)) {
            trainer.train(data, 2, stats -> { });

            for (float[][] thetas : List.of(trainer.model().thetaGlobal(data.language(1).augmented()),
                    trainer.model().thetaLocal(1, data.language(1).bow()),
                    trainer.model().thetaLocal(2, data.language(2).bow()))) {
                for (float[] theta : thetas) {
                    double sum = 0;
                    for (float v : theta) {
                        assertTrue(v >= 0);
                        sum += v;
                    }
                    assertEquals(1.0, sum, 1e-5);
                }
            }
        }
    }

    @Test
    void twoRunsWithTheSameSeedEndWithIdenticalState() throws IOException {
        Path a = trainAndSave(CONFIG, 2, "a.ckpt");
        Path b = trainAndSave(CONFIG, 2, "b.ckpt");
        Path c = trainAndSave(CONFIG.toBuilder().seed(43).build(), 2, "c.ckpt");

        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }

    @Test
    void runsWithDropoutAreDeterministicToo() throws IOException {
        GloCtmConfig withDropout = CONFIG.toBuilder().dropout(0.2).build();

        Path a = trainAndSave(withDropout, 1, "a.ckpt");
        Path b = trainAndSave(withDropout, 1, "b.ckpt");

        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void resumingAfterOneEpochThenTrainingOneMoreEqualsTwoEpochsStraight() throws IOException {
        Path straight = trainAndSave(CONFIG, 2, "straight.ckpt");
        Path half = trainAndSave(CONFIG, 1, "half.ckpt");

        Path resumed = dir.resolve("resumed.ckpt");
        try (GloCtmTrainer trainer = GloCtmTrainer.resume(half)) {
            assertEquals(1, trainer.completedEpochs());
            assertEquals(CONFIG, trainer.config());
            trainer.train(data, 2, stats -> assertEquals(2, stats.epoch()));
            trainer.saveCheckpoint(resumed);
        }

        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
    }

    @Test
    void resumedModelsInferAsTheOriginal() throws IOException {
        Path saved = dir.resolve("m.ckpt");
        float[][] before;
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB, VOCAB)) {
            trainer.train(data, 1, stats -> { });
            before = trainer.model().thetaGlobal(data.language(2).augmented());
            trainer.saveCheckpoint(saved);
        }
        try (GloCtmTrainer trainer = GloCtmTrainer.resume(saved)) {
            float[][] after = trainer.model().thetaGlobal(data.language(2).augmented());
            for (int d = 0; d < after.length; d++) {
                assertArrayEquals(before[d], after[d], 0f);
            }
        }
    }

    @Test
    void checkpointingLeavesNoTemporaryFileBehind() throws IOException {
        trainAndSave(CONFIG, 1, "only.ckpt");

        try (var files = Files.list(dir)) {
            assertEquals(List.of("only.ckpt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void resumeRefusesAFileThatIsNotACheckpoint() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.ckpt"), "not a checkpoint");

        assertThrows(IOException.class, () -> GloCtmTrainer.resume(junk));
    }

    @Test
    void trainingAndInferenceLeaveNoArraysBehind() {
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB, VOCAB)) {
            int before = trainer.model().manager().getManagedArrays().size();

            trainer.train(data, 1, stats -> { });
            trainer.model().thetaGlobal(data.language(1).augmented());
            trainer.model().export();

            assertEquals(before, trainer.model().manager().getManagedArrays().size());
        }
    }

    @Test
    void aCheckpointSavedWhenAnEpochEndsCountsThatEpoch() throws IOException {
        Path straight = trainAndSave(CONFIG, 2, "straight.ckpt");
        Path atEpochEnd = dir.resolve("at-epoch-end.ckpt");
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB, VOCAB)) {
            trainer.train(data, 1, stats -> {
                try {
                    trainer.saveCheckpoint(atEpochEnd);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path resumed = dir.resolve("resumed-from-epoch-end.ckpt");
        try (GloCtmTrainer trainer = GloCtmTrainer.resume(atEpochEnd)) {
            assertEquals(1, trainer.completedEpochs(), "the checkpoint holds one finished epoch");
            trainer.train(data, 2, stats -> assertEquals(2, stats.epoch()));
            trainer.saveCheckpoint(resumed);
        }
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
    }

    @Test
    void refusesDataOfOtherVocabularies() {
        try (GloCtmTrainer trainer = GloCtmTrainer.create(CONFIG, VOCAB + 1, VOCAB)) {
            assertThrows(IllegalArgumentException.class, () -> trainer.train(data, stats -> { }));
        }
    }

    private Path trainAndSave(GloCtmConfig config, int epochs, String name) throws IOException {
        Path path = dir.resolve(name);
        try (GloCtmTrainer trainer = GloCtmTrainer.create(config, VOCAB, VOCAB)) {
            trainer.train(data, epochs, stats -> { });
            trainer.saveCheckpoint(path);
        }
        return path;
    }
}
