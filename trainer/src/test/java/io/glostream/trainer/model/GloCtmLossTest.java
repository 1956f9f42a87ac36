package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GloCtmLossTest {

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = Engine.getEngine(GloCtmModel.ENGINE).newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void reconstructionIsTheCountWeightedNegativeLogLikelihoodPerDocument() {
        NDArray recon = matrix(2, 3, 0.2, 0.3, 0.5, 0.1, 0.6, 0.3);
        NDArray target = matrix(2, 3, 1, 0, 2, 0, 3, 1);

        float[] loss = GloCtmLoss.reconstruction(recon, target).toFloatArray();

        // -(1 ln 0.2 + 2 ln 0.5) and -(3 ln 0.6 + 1 ln 0.3)
        assertArrayEquals(new float[] {2.9957323f, 2.7364497f}, loss, 1e-5f);
    }

    @Test
    void reconstructionOfAZeroProbabilityWordIsLargeButFinite() {
        NDArray recon = matrix(1, 2, 0, 1);
        NDArray target = matrix(1, 2, 1, 0);

        float loss = GloCtmLoss.reconstruction(recon, target).getFloat(0);

        assertEquals(-Math.log(1e-10), loss, 1e-3);
    }

    @Test
    void dirichletPriorWithAlphaOneHasZeroMeanAndVarianceOneMinusOneOverK() {
        LogisticNormalPrior prior = LogisticNormalPrior.dirichlet(50, 1.0);

        for (int k = 0; k < 50; k++) {
            assertEquals(0.0, prior.mean()[k], 1e-15);
            // (1/a)(1 - 2/K) + (1/K^2) K/a = 1 - 2/50 + 1/50
            assertEquals(0.98, prior.variance()[k], 1e-15);
        }
    }

    @Test
    void priorKlMatchesTheClosedFormForThreeTopics() {
        NDArray mu = matrix(1, 3, 0.5, -1, 0);
        NDArray logVar = matrix(1, 3, 0, Math.log(2), -1);

        float kl = GloCtmLoss.priorKl(mu, logVar, LogisticNormalPrior.dirichlet(3, 1.0)).getFloat(0);

        // 0.5 (sum var/(2/3) + sum mu^2/(2/3) - 3 + 3 ln(2/3) - sum logvar), worked out by hand
        assertEquals(1.5086383, kl, 1e-5);
    }

    @Test
    void priorKlIsZeroWhenThePosteriorIsThePrior() {
        NDArray mu = matrix(1, 3, 0, 0, 0);
        double logVar = Math.log(2.0 / 3.0);
        NDArray lv = matrix(1, 3, logVar, logVar, logVar);

        assertEquals(0.0, GloCtmLoss.priorKl(mu, lv, LogisticNormalPrior.dirichlet(3, 1.0)).getFloat(0), 1e-6);
    }

    @Test
    void gaussianKlMatchesTheClosedFormSummedOverTopics() {
        NDArray muQ = matrix(1, 2, 1, -0.5);
        NDArray logVarQ = matrix(1, 2, Math.log(0.5), Math.log(2));
        NDArray muP = matrix(1, 2, 0, 0.5);
        NDArray logVarP = matrix(1, 2, 0, Math.log(4));

        float kl = GloCtmLoss.gaussianKl(muQ, logVarQ, muP, logVarP).getFloat(0);

        // sum_k 0.5 (ln(vp/vq) + (vq + (mq - mp)^2)/vp - 1) = 0.5 (ln 2 + 0.5) + 0.5 (ln 2 - 0.25)
        assertEquals(0.8181472, kl, 1e-6);
    }

    @Test
    void gaussianKlIsZeroForEqualDistributionsAndAsymmetricOtherwise() {
        NDArray mu = matrix(2, 2, 0.3, -0.2, 1, 2);
        NDArray lvA = matrix(2, 2, 0, 0.5, -1, 0.2);
        NDArray lvB = matrix(2, 2, 1.5, 0.5, 0, 0);

        assertArrayEquals(new float[] {0, 0}, GloCtmLoss.gaussianKl(mu, lvA, mu, lvA).toFloatArray(), 1e-6f);
        float ab = GloCtmLoss.gaussianKl(mu, lvA, mu, lvB).getFloat(0);
        float ba = GloCtmLoss.gaussianKl(mu, lvB, mu, lvA).getFloat(0);
        assertTrue(Math.abs(ab - ba) > 0.01, "KL(a||b) " + ab + " vs KL(b||a) " + ba);
    }

    @Test
    void hsicEqualsTraceOfCentredGramMatricesOverNMinusOneSquared() {
        Random random = new Random(3);
        double[][] x = gaussian(random, 6, 3);
        double[][] y = gaussian(random, 6, 4);

        double hsic = GloCtmLoss.hsic(matrix(x), matrix(y)).getFloat();

        assertEquals(directHsic(x, y), hsic, 1e-6 * Math.abs(directHsic(x, y)));
    }

    @Test
    void ckaEqualsTheDirectHsicRatio() {
        Random random = new Random(5);
        double[][] x = gaussian(random, 6, 3);
        double[][] y = gaussian(random, 6, 4);
        double expected = directHsic(x, y) / Math.sqrt(directHsic(x, x) * directHsic(y, y));

        double cka = GloCtmLoss.linearCka(matrix(x), matrix(y)).getFloat();

        assertEquals(expected, cka, 1e-6);
        assertTrue(expected > 0.05 && expected < 0.95, "a non-trivial example: " + expected);
    }

    @Test
    void ckaOfAMatrixWithItselfIsOne() {
        double[][] x = gaussian(new Random(7), 6, 3);

        assertEquals(1.0, GloCtmLoss.linearCka(matrix(x), matrix(x)).getFloat(), 1e-6);
    }

    @Test
    void ckaIsInvariantToIsotropicScalingOfEitherSide() {
        Random random = new Random(11);
        NDArray x = matrix(gaussian(random, 6, 3));
        NDArray y = matrix(gaussian(random, 6, 4));

        double base = GloCtmLoss.linearCka(x, y).getFloat();

        assertEquals(base, GloCtmLoss.linearCka(x.mul(3.7f), y).getFloat(), 1e-6);
        assertEquals(base, GloCtmLoss.linearCka(x, y.mul(0.02f)).getFloat(), 1e-6);
    }

    @Test
    void ckaOfABatchWithoutSpreadIsZeroRatherThanNaN() {
        NDArray constant = matrix(3, 2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        NDArray y = matrix(gaussian(new Random(1), 3, 4));

        assertEquals(0.0, GloCtmLoss.linearCka(constant, y).getFloat(), 0.0);
    }

    @Test
    void ckaGradientMatchesFiniteDifferences() {
        Random random = new Random(17);
        double[][] x = gaussian(random, 8, 3);
        double[][] y = gaussian(random, 8, 4);
        NDArray xs = matrix(x);
        xs.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getEngine(GloCtmModel.ENGINE).newGradientCollector()) {
            collector.backward(GloCtmLoss.linearCka(xs, matrix(y)));
        }
        float[] gradient = xs.getGradient().toFloatArray();

        double h = 1e-4;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                double saved = x[i][j];
                x[i][j] = saved + h;
                double up = directCka(x, y);
                x[i][j] = saved - h;
                double down = directCka(x, y);
                x[i][j] = saved;
                double expected = (up - down) / (2 * h);
                assertEquals(expected, gradient[i * x[0].length + j], 1e-3 + 1e-2 * Math.abs(expected),
                        "d CKA / d x[" + i + "][" + j + "]");
            }
        }
        assertTrue(maxAbs(gradient) > 1e-3, "a gradient that is not zero: " + maxAbs(gradient));
    }

    @Test
    void rootFormIsTheAuthorsCkaLossComputedFromFrobeniusNorms() {
        Random random = new Random(13);
        double[][] x = gaussian(random, 7, 3);
        double[][] y = gaussian(random, 7, 5);
        // the authors' CKALoss: 1 - |XcT Yc|_F / sqrt(|XcT Xc|_F |YcT Yc|_F) on column-centred X and Y
        double[][] xc = centred(x);
        double[][] yc = centred(y);
        double authors = 1 - frobenius(multiply(transpose(xc), yc))
                / Math.sqrt(frobenius(multiply(transpose(xc), xc)) * frobenius(multiply(transpose(yc), yc)));
        NDArray cka = GloCtmLoss.linearCka(matrix(x), matrix(y));

        assertEquals(authors, CkaLossForm.ROOT.loss(cka).getFloat(), 1e-5);
        assertEquals(1 - cka.getFloat(), CkaLossForm.LINEAR.loss(cka).getFloat(), 1e-6);
        assertTrue(authors < 1 - cka.getFloat() - 0.05, "the two forms differ on this example: " + authors);
    }

    @Test
    void rootFormOfABatchWithoutSpreadIsOneWithAFiniteGradient() {
        NDArray constant = matrix(3, 2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        NDArray y = matrix(gaussian(new Random(1), 3, 4));
        constant.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getEngine(GloCtmModel.ENGINE).newGradientCollector()) {
            NDArray loss = CkaLossForm.ROOT.loss(GloCtmLoss.linearCka(constant, y));
            assertEquals(1.0, loss.getFloat(), 1e-6);
            collector.backward(loss);
        }

        for (float g : constant.getGradient().toFloatArray()) {
            assertTrue(Float.isFinite(g), "gradient " + g);
        }
    }

    @Test
    void ckaLossFormParsesItsTwoNamesAndRefusesOthers() {
        assertEquals(CkaLossForm.LINEAR, CkaLossForm.parse("linear"));
        assertEquals(CkaLossForm.ROOT, CkaLossForm.parse(" Root "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CkaLossForm.parse("sqrt"));
        assertTrue(e.getMessage().contains("'sqrt'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CkaLossForm.parse(null));
    }

    @Test
    void ckaRefusesDifferentElementTypes() {
        NDArray x = matrix(gaussian(new Random(1), 4, 3));
        NDArray y = matrix(gaussian(new Random(2), 4, 3)).toType(DataType.FLOAT64, false);

        assertThrows(IllegalArgumentException.class, () -> GloCtmLoss.linearCka(x, y));
    }

    @Test
    void ckaRefusesDifferentDocumentCounts() {
        NDArray x = matrix(gaussian(new Random(1), 6, 3));
        NDArray y = matrix(gaussian(new Random(2), 5, 3));

        assertThrows(IllegalArgumentException.class, () -> GloCtmLoss.linearCka(x, y));
    }

    @Test
    void reconstructionRefusesMismatchedShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> GloCtmLoss.reconstruction(matrix(2, 3, 1, 1, 1, 1, 1, 1), matrix(3, 2, 1, 1, 1, 1, 1, 1)));
    }

    /** tr(K H L H) / (n-1)^2 with explicit n x n Gram and centring matrices, in doubles. */
    private static double directHsic(double[][] x, double[][] y) {
        int n = x.length;
        double[][] k = gram(x);
        double[][] l = gram(y);
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = (i == j ? 1.0 : 0.0) - 1.0 / n;
            }
        }
        double[][] khlh = multiply(multiply(multiply(k, h), l), h);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += khlh[i][i];
        }
        return trace / ((n - 1.0) * (n - 1.0));
    }

    private static double directCka(double[][] x, double[][] y) {
        return directHsic(x, y) / Math.sqrt(directHsic(x, x) * directHsic(y, y));
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[][] centred(double[][] a) {
        double[][] c = new double[a.length][a[0].length];
        for (int d = 0; d < a[0].length; d++) {
            double mean = 0;
            for (double[] row : a) {
                mean += row[d] / a.length;
            }
            for (int i = 0; i < a.length; i++) {
                c[i][d] = a[i][d] - mean;
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double frobenius(double[][] a) {
        double sum = 0;
        for (double[] row : a) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    private static double[][] gram(double[][] a) {
        int n = a.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int d = 0; d < a[0].length; d++) {
                    g[i][j] += a[i][d] * a[j][d];
                }
            }
        }
        return g;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] gaussian(Random random, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return a;
    }

    private NDArray matrix(double[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                flat[i * rows[0].length + j] = (float) rows[i][j];
            }
        }
        return manager.create(flat, new Shape(rows.length, rows[0].length));
    }

    private NDArray matrix(int rows, int cols, double... values) {
        float[] flat = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            flat[i] = (float) values[i];
        }
        return manager.create(flat, new Shape(rows, cols));
    }
}
