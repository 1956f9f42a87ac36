package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.features.SparseCounts;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GloCtmModelTest {

    private static final int VOCAB = 30;
    private static final int TOPICS = 5;
    private static TrainingData data;
    private static GloCtmTrainer trained;

    @BeforeAll
    static void trainBriefly() {
        data = SyntheticCorpus.generate(VOCAB, TOPICS, 60, 17);
        // a large momentum so one epoch moves the running statistics far from (0, 1)
        GloCtmConfig config = GloCtmConfig.builder().numTopics(TOPICS).localHidden(12).globalHidden(16)
                .batchSize(16).bnMomentum(0.5).epochs(1).seed(4).build();
        trained = GloCtmTrainer.create(config, VOCAB, VOCAB);
        trained.train(data, stats -> { });
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void exportedMeanPathReproducesTheGlobalEncoderInPlainJava() {
        TrainedEncoder w = trained.model().export().global();
        List<SparseCounts> docs = data.language(2).augmented().subList(0, 5);
        assertFalse(Arrays.equals(new float[TOPICS], w.bnRunningMean()), "running mean has moved");

        float[][] mu = trained.model().meanGlobal(docs);

        for (int d = 0; d < docs.size(); d++) {
            assertArrayEquals(plainMean(w, docs.get(d).toDense()), mu[d], 1e-4f, "document " + d);
        }
    }

    @Test
    void exportedMeanPathReproducesALocalEncoderInPlainJava() {
        TrainedEncoder w = trained.model().export().local1();
        List<SparseCounts> docs = data.language(1).bow().subList(0, 5);

        float[][] mu = trained.model().meanLocal(1, docs);

        for (int d = 0; d < docs.size(); d++) {
            assertArrayEquals(plainMean(w, docs.get(d).toDense()), mu[d], 1e-4f, "document " + d);
        }
    }

    @Test
    void thetaIsTheSoftmaxOfTheMeanAndSumsToOne() {
        List<SparseCounts> docs = data.language(1).augmented();

        float[][] theta = trained.model().thetaGlobal(docs);
        float[][] mu = trained.model().meanGlobal(docs);

        for (int d = 0; d < docs.size(); d++) {
            assertEquals(1.0, sum(theta[d]), 1e-5);
            double z = 0;
            for (float m : mu[d]) {
                z += Math.exp(m);
            }
            for (int k = 0; k < TOPICS; k++) {
                assertEquals(Math.exp(mu[d][k]) / z, theta[d][k], 1e-5);
            }
        }
    }

    @Test
    void inferenceOfADocumentDoesNotDependOnItsBatch() {
        List<SparseCounts> docs = data.language(2).bow();

        float[][] together = trained.model().thetaLocal(2, docs);
        float[][] alone = trained.model().thetaLocal(2, List.of(docs.get(7)));

        assertArrayEquals(together[7], alone[0], 1e-6f);
    }

    @Test
    void theGlobalTopicWordMatrixConcatenatesBothLanguagesPerTopic() {
        float[] joint = trained.model().topicWordMatrix();
        float[] beta1 = trained.model().parameters().get("beta1").toFloatArray();
        float[] beta2 = trained.model().parameters().get("beta2").toFloatArray();

        for (int k = 0; k < TOPICS; k++) {
            for (int v = 0; v < VOCAB; v++) {
                assertEquals(beta1[k * VOCAB + v], joint[k * 2 * VOCAB + v], 0f);
                assertEquals(beta2[k * VOCAB + v], joint[k * 2 * VOCAB + VOCAB + v], 0f);
            }
        }
    }

    @Test
    void exportHasTheDocumentedShapes() {
        GloCtmExport export = trained.model().export();
        TrainedEncoder g = export.encoder(Pathway.GLOBAL);

        assertEquals(2 * VOCAB * 16, g.w1().length);
        assertEquals(16 * 16, g.w2().length);
        assertEquals(16 * TOPICS, g.wMu().length);
        assertEquals(TOPICS, g.bnBeta().length);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, g.bnGamma(), 0f);
        assertEquals(12, export.encoder(Pathway.LOCAL_2).hidden());
        assertEquals(TOPICS * 2 * VOCAB, export.topicWord().length);
    }

    @Test
    void initialisationIsFixedByTheSeedAndBetaIsXavierBounded() {
        GloCtmConfig config = GloCtmConfig.builder().numTopics(TOPICS).localHidden(4).globalHidden(4).build();
        try (GloCtmModel a = GloCtmModel.create(config, 40, 20);
             GloCtmModel b = GloCtmModel.create(config, 40, 20);
             GloCtmModel c = GloCtmModel.create(config.toBuilder().seed(1).build(), 40, 20)) {
            assertArrayEquals(a.topicWordMatrix(), b.topicWordMatrix(), 0f);
            assertFalse(Arrays.equals(a.topicWordMatrix(), c.topicWordMatrix()));
            double bound1 = Math.sqrt(6.0 / (TOPICS + 40));
            float[] beta1 = a.parameters().get("beta1").toFloatArray();
            for (float v : beta1) {
                assertTrue(Math.abs(v) <= bound1, v + " outside +-" + bound1);
            }
            assertTrue(Arrays.stream(toDoubles(beta1)).map(Math::abs).max().orElseThrow() > 0.8 * bound1,
                    "uses the full Xavier range");
        }
    }

    @Test
    void refusesAThirdLanguageAndInputsOfTheWrongDimension() {
        GloCtmModel model = trained.model();

        assertThrows(IllegalArgumentException.class, () -> model.thetaLocal(3, data.language(1).bow()));
        assertThrows(IllegalArgumentException.class, () -> model.thetaGlobal(data.language(1).bow()));
    }

    /** mu = BN_eval(fc_mu(softplus(fc2(softplus(fc1(x)))))) from the exported arrays, in doubles. */
    private static float[] plainMean(TrainedEncoder w, float[] x) {
        double[] h1 = softplus(affine(toDoubles(x), w.w1(), w.b1(), w.inputDim(), w.hidden()));
        double[] h2 = softplus(affine(h1, w.w2(), w.b2(), w.hidden(), w.hidden()));
        double[] z = affine(h2, w.wMu(), w.bMu(), w.hidden(), w.topics());
        float[] mu = new float[w.topics()];
        for (int k = 0; k < w.topics(); k++) {
            mu[k] = (float) ((z[k] - w.bnRunningMean()[k]) / Math.sqrt(w.bnRunningVar()[k] + w.bnEps())
                    * w.bnGamma()[k] + w.bnBeta()[k]);
        }
        return mu;
    }

    private static double[] affine(double[] x, float[] weights, float[] bias, int in, int out) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            y[o] = bias[o];
        }
        for (int i = 0; i < in; i++) {
            if (x[i] == 0) {
                continue;
            }
            for (int o = 0; o < out; o++) {
                y[o] += x[i] * weights[i * out + o];
            }
        }
        return y;
    }

    private static double[] softplus(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log1p(Math.exp(v[i]));
        }
        return out;
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }
}
