package io.glostream.trainer.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class ProcrustesTest {

    private static final int DIM = 12;
    private static final int PAIRS = 300;

    @Test
    void recoversASyntheticRotation() {
        Random random = new Random(7);
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(DIM, DIM, random);
        float[] x = gaussian(random, PAIRS * DIM);
        float[] y = rotate(x, q.data);

        Procrustes fitted = Procrustes.fit(x, y, PAIRS, DIM);

        double[] w = fitted.rotation();
        for (int i = 0; i < DIM * DIM; i++) {
            assertEquals(q.data[i], w[i], 1e-5, "rotation entry " + i);
        }
        float[] mapped = fitted.apply(x);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], mapped[i], 1e-4);
        }
    }

    @Test
    void findsTheBestRotationUnderNoise() {
        Random random = new Random(11);
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(DIM, DIM, random);
        float[] x = gaussian(random, PAIRS * DIM);
        float[] y = rotate(x, q.data);
        for (int i = 0; i < y.length; i++) {
            y[i] += (float) (0.05 * random.nextGaussian());
        }
        double[] w = Procrustes.fit(x, y, PAIRS, DIM).rotation();
        for (int i = 0; i < DIM * DIM; i++) {
            assertEquals(q.data[i], w[i], 0.02);
        }
    }

    @Test
    void theResultIsOrthogonal() {
        Random random = new Random(3);
        float[] x = gaussian(random, PAIRS * DIM);
        float[] y = gaussian(random, PAIRS * DIM);
        double[] w = Procrustes.fit(x, y, PAIRS, DIM).rotation();
        for (int a = 0; a < DIM; a++) {
            for (int b = 0; b < DIM; b++) {
                double dot = 0;
                for (int k = 0; k < DIM; k++) {
                    dot += w[a * DIM + k] * w[b * DIM + k];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-9);
            }
        }
    }

    @Test
    void refusesMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> Procrustes.fit(new float[6], new float[4], 2, 3));
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] rotate(float[] x, double[] q) {
        float[] y = new float[x.length];
        for (int r = 0; r < x.length / DIM; r++) {
            for (int j = 0; j < DIM; j++) {
                double s = 0;
                for (int i = 0; i < DIM; i++) {
                    s += x[r * DIM + i] * q[i * DIM + j];
                }
                y[r * DIM + j] = (float) s;
            }
        }
        return y;
    }
}
