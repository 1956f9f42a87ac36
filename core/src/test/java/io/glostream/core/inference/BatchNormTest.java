package io.glostream.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchNormTest {

    @Test
    void foldsIntoOneByOneLayerAsComputedByHand() {
        LinearLayer layer = new LinearLayer(new float[][] {{2f}}, new float[] {1f});
        BatchNorm norm = new BatchNorm(new float[] {3f}, new float[] {0.5f}, new float[] {2f}, new float[] {3f}, 1.0);

        LinearLayer folded = norm.foldInto(layer);

        // scale = 3 / sqrt(3 + 1) = 1.5; weight 2 * 1.5 = 3; bias (1 - 2) * 1.5 + 0.5 = -1
        assertArrayEquals(new float[] {3f}, folded.weight()[0]);
        assertArrayEquals(new float[] {-1f}, folded.bias());
    }

    @Test
    void foldedLayerEqualsLayerFollowedByBatchNorm() {
        Random random = new Random(3);
        LinearLayer layer = EncoderFixtures.randomLayer(random, 7, 4);
        BatchNorm norm = new BatchNorm(
                new float[] {0.5f, 1.5f, -2f, 1f},
                new float[] {0.1f, -0.3f, 0f, 2f},
                new float[] {0.2f, -1f, 0.7f, 0f},
                new float[] {0.25f, 4f, 0.01f, 1f},
                1e-3);

        LinearLayer folded = norm.foldInto(layer);

        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[layer.inputs()];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(4);
            }
            double[] z = ReferenceEncoder.affine(layer, x);
            double[] expected = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                expected[k] = norm.gamma()[k] * (z[k] - norm.runningMean()[k])
                        / Math.sqrt(norm.runningVariance()[k] + norm.epsilon()) + norm.beta()[k];
            }
            assertArrayEquals(expected, ReferenceEncoder.affine(folded, x), 1e-5);
        }
    }

    @Test
    void leavesThePrecedingLayerUntouched() {
        LinearLayer layer = new LinearLayer(new float[][] {{2f}}, new float[] {1f});

        new BatchNorm(new float[] {3f}, new float[] {0.5f}, new float[] {2f}, new float[] {3f}, 1.0).foldInto(layer);

        assertEquals(2f, layer.weight()[0][0]);
        assertEquals(1f, layer.bias()[0]);
    }

    @Test
    void refusesLayerWithDifferentFeatureCount() {
        LinearLayer layer = new LinearLayer(new float[][] {{1f, 2f}}, new float[] {0f, 0f});
        BatchNorm norm = new BatchNorm(new float[] {1f}, new float[] {0f}, new float[] {0f}, new float[] {1f}, 1e-5);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> norm.foldInto(layer));

        assertEquals("batch norm over 1 features cannot follow a layer with 2 outputs", refused.getMessage());
    }

    @Test
    void refusesNegativeVariance() {
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(
                new float[] {1f}, new float[] {0f}, new float[] {0f}, new float[] {-1f}, 1e-5));
    }

    @Test
    void refusesNonPositiveEpsilon() {
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(
                new float[] {1f}, new float[] {0f}, new float[] {0f}, new float[] {1f}, 0));
    }

    @Test
    void refusesVectorsOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(
                new float[] {1f, 1f}, new float[] {0f}, new float[] {0f}, new float[] {1f}, 1e-5));
    }
}
