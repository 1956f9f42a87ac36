package io.glostream.trainer.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.inference.EncoderWeights;
import io.glostream.core.inference.LinearLayer;
import io.glostream.trainer.export.BundleExporter;
import io.glostream.trainer.model.GloCtmExport;
import io.glostream.trainer.model.TrainedEncoder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The renumbered export computes, through the ONNX-side weights the bundle is written from, theta with its
 * entries permuted exactly as the alignment says; the topic-word rows move with them.
 */
class ModelRenumberingTest {

    private static final int V1 = 7;
    private static final int V2 = 6;
    private static final int HIDDEN = 5;
    private static final int K = 4;

    /** Current topics 0..3 get ids 2, 0, 3, 1: new id 0 is current topic 1, id 1 is 3, id 2 is 0, id 3 is 2. */
    private static final Alignment ALIGNMENT = new Alignment(K, new int[] {2, 0, 3, 1}, new int[] {0, 1, 2, 3},
            new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[K], 0.3, Map.of("en", V1, "zh", V2));
    private static final int[] CURRENT_OF_ID = {1, 3, 0, 2};

    private final Random random = new Random(17);
    private final GloCtmExport trained = new GloCtmExport(K, V1, V2, encoder(V1 + V2), encoder(V1), encoder(V2),
            gaussian(K * (V1 + V2)));
    private final GloCtmExport renumbered = ModelRenumbering.renumber(trained, ALIGNMENT);

    @Test
    void everyEncodersThetaIsTheTrainedThetaInNewIdOrder() {
        for (int e = 0; e < 3; e++) {
            TrainedEncoder before = encoders(trained).get(e);
            TrainedEncoder after = encoders(renumbered).get(e);
            EncoderWeights beforeOnnx = BundleExporter.onnxWeights(before);
            EncoderWeights afterOnnx = BundleExporter.onnxWeights(after);
            for (int doc = 0; doc < 5; doc++) {
                float[] counts = counts(before.inputDim());
                double[] theta = softmax(mean(beforeOnnx, counts));
                double[] renumberedTheta = softmax(mean(afterOnnx, counts));
                for (int id = 0; id < K; id++) {
                    assertEquals(theta[CURRENT_OF_ID[id]], renumberedTheta[id], 1e-12, "encoder " + e + " id " + id);
                }
            }
        }
    }

    @Test
    void theMeanBeforeTheSoftmaxIsPermutedBitForBit() {
        float[] counts = counts(V1 + V2);
        float[] mean = mean(BundleExporter.onnxWeights(trained.global()), counts);
        float[] renumberedMean = mean(BundleExporter.onnxWeights(renumbered.global()), counts);
        for (int id = 0; id < K; id++) {
            assertEquals(mean[CURRENT_OF_ID[id]], renumberedMean[id], 0f, "id " + id);
        }
    }

    @Test
    void topicWordRowsMoveToTheirNewIds() {
        int width = V1 + V2;
        for (int id = 0; id < K; id++) {
            assertArrayEquals(Arrays.copyOfRange(trained.topicWord(), CURRENT_OF_ID[id] * width,
                    (CURRENT_OF_ID[id] + 1) * width), Arrays.copyOfRange(renumbered.topicWord(), id * width,
                    (id + 1) * width), "id " + id);
        }
    }

    @Test
    void hiddenLayersAndShapesAreUnchanged() {
        assertEquals(K, renumbered.numTopics());
        assertEquals(V1, renumbered.vocab1());
        assertEquals(V2, renumbered.vocab2());
        for (int e = 0; e < 3; e++) {
            TrainedEncoder before = encoders(trained).get(e);
            TrainedEncoder after = encoders(renumbered).get(e);
            assertArrayEquals(before.w1(), after.w1());
            assertArrayEquals(before.b1(), after.b1());
            assertArrayEquals(before.w2(), after.w2());
            assertArrayEquals(before.b2(), after.b2());
            assertEquals(before.bnEps(), after.bnEps());
        }
    }

    @Test
    void anAlignmentForAnotherNumberOfTopicsIsRefused() {
        Alignment three = new Alignment(3, new int[] {0, 1, 2}, new int[] {0, 1, 2}, new double[3], new boolean[3],
                0.3, Map.of("en", V1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRenumbering.renumber(trained, three));
        assertEquals("the alignment numbers 3 topics, the model has 4", e.getMessage());
    }

    private TrainedEncoder encoder(int inputDim) {
        float[] variance = new float[K];
        for (int t = 0; t < K; t++) {
            variance[t] = 0.5f + random.nextFloat();
        }
        float[] gamma = new float[K];
        for (int t = 0; t < K; t++) {
            gamma[t] = 0.5f + random.nextFloat();
        }
        return new TrainedEncoder(inputDim, HIDDEN, K, gaussian(inputDim * HIDDEN), gaussian(HIDDEN),
                gaussian(HIDDEN * HIDDEN), gaussian(HIDDEN), gaussian(HIDDEN * K), gaussian(K), gaussian(K), variance,
                1e-3f, gamma, gaussian(K));
    }

    private static List<TrainedEncoder> encoders(GloCtmExport export) {
        return List.of(export.global(), export.local1(), export.local2());
    }

    private float[] gaussian(int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private float[] counts(int size) {
        float[] counts = new float[size];
        for (int i = 0; i < size; i++) {
            counts[i] = random.nextInt(3);
        }
        return counts;
    }

    /** mean = softplus(softplus(x W1 + b1) W2 + b2) Wmu + bmu, as the ONNX graph computes it. */
    private static float[] mean(EncoderWeights weights, float[] x) {
        float[] h1 = softplus(affine(weights.hidden1(), x));
        float[] h2 = softplus(affine(weights.hidden2(), h1));
        return affine(weights.mean(), h2);
    }

    private static float[] affine(LinearLayer layer, float[] x) {
        float[] y = layer.bias().clone();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += x[i] * layer.weight()[i][j];
            }
        }
        return y;
    }

    private static float[] softplus(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.log1p(Math.exp(x[i]));
        }
        return y;
    }

    private static double[] softmax(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double total = 0;
        for (int t = 0; t < z.length; t++) {
            p[t] = Math.exp(z[t] - max);
            total += p[t];
        }
        for (int t = 0; t < z.length; t++) {
            p[t] /= total;
        }
        return p;
    }
}
