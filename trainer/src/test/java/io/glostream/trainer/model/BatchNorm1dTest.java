package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchNorm1dTest {

    private static final double EPS = 0.001;
    private static final double MOMENTUM = 0.001;
    private static final double[][] BATCH_A = {{1, 2, 3}, {4, 0, -1}, {2, 2, 2}, {-3, 5, 0.5}};
    private static final double[][] BATCH_B = {{10, -2, 0}, {6, 1, 1}, {8, 3, -4}};

    private NDManager manager;
    private ModelState state;
    private BatchNorm1d norm;

    @BeforeEach
    void setUp() {
        manager = Engine.getEngine(GloCtmModel.ENGINE).newBaseManager();
        state = new ModelState();
        norm = new BatchNorm1d("bn", 3, EPS, MOMENTUM, manager, state);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void trainingNormalisesWithTheBatchMeanAndBiasedVariance() {
        float[] out = norm.forward(matrix(BATCH_A), true).toFloatArray();

        double[] mean = columnMean(BATCH_A);
        double[] biased = columnVariance(BATCH_A, mean, BATCH_A.length);
        for (int i = 0; i < BATCH_A.length; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = (BATCH_A[i][j] - mean[j]) / Math.sqrt(biased[j] + EPS);
                assertEquals(expected, out[i * 3 + j], 1e-5, "cell " + i + "," + j);
            }
        }
    }

    @Test
    void runningStatisticsMoveByMomentumTowardsBatchMeanAndUnbiasedVariance() {
        norm.forward(matrix(BATCH_A), true);
        norm.forward(matrix(BATCH_B), true);

        double[] expectedMean = new double[3];
        double[] expectedVar = {1, 1, 1};
        for (double[][] batch : List.of(BATCH_A, BATCH_B)) {
            double[] mean = columnMean(batch);
            double[] unbiased = columnVariance(batch, mean, batch.length - 1);
            for (int j = 0; j < 3; j++) {
                expectedMean[j] = (1 - MOMENTUM) * expectedMean[j] + MOMENTUM * mean[j];
                expectedVar[j] = (1 - MOMENTUM) * expectedVar[j] + MOMENTUM * unbiased[j];
            }
        }
        assertArrayEquals(toFloats(expectedMean), norm.runningMean(), 1e-6f);
        assertArrayEquals(toFloats(expectedVar), norm.runningVar(), 1e-6f);
    }

    @Test
    void evaluationNormalisesWithRunningStatisticsAndAddsTheShift() {
        norm.forward(matrix(BATCH_A), true);
        state.parameters().get("bn.beta").set(new float[] {0.5f, -1f, 2f});
        double[] runningMean = toDoubles(norm.runningMean());
        double[] runningVar = toDoubles(norm.runningVar());
        double[] shift = {0.5, -1, 2};

        float[] out = norm.forward(matrix(BATCH_B), false).toFloatArray();

        for (int i = 0; i < BATCH_B.length; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = (BATCH_B[i][j] - runningMean[j]) / Math.sqrt(runningVar[j] + EPS) + shift[j];
                assertEquals(expected, out[i * 3 + j], 1e-5, "cell " + i + "," + j);
            }
        }
        assertArrayEquals(norm.runningMean(), toFloats(runningMean), 0f, "evaluation leaves running stats alone");
    }

    @Test
    void onlyTheShiftIsTrainedAndTheScaleStaysOne() {
        assertEquals(List.of("bn.beta"), List.copyOf(state.parameters().keySet()));
        assertEquals(List.of("bn.running_mean", "bn.running_var"), List.copyOf(state.buffers().keySet()));
        assertArrayEquals(new float[] {1, 1, 1}, norm.scale(), 0f);
    }

    @Test
    void theShiftGetsTheColumnSumsOfTheUpstreamGradient() {
        double[][] weights = {{1, 2, 3}, {0.5, 0, -1}, {2, 2, 2}, {1, 1, 1}};
        NDArray shift = state.parameters().get("bn.beta");

        try (GradientCollector collector = Engine.getEngine(GloCtmModel.ENGINE).newGradientCollector()) {
            collector.backward(norm.forward(matrix(BATCH_A), true).mul(matrix(weights)).sum());
        }

        assertArrayEquals(new float[] {4.5f, 5f, 5f}, shift.getGradient().toFloatArray(), 1e-5f);
    }

    private static double[] columnMean(double[][] batch) {
        double[] mean = new double[batch[0].length];
        for (double[] row : batch) {
            for (int j = 0; j < row.length; j++) {
                mean[j] += row[j] / batch.length;
            }
        }
        return mean;
    }

    private static double[] columnVariance(double[][] batch, double[] mean, int divisor) {
        double[] var = new double[mean.length];
        for (double[] row : batch) {
            for (int j = 0; j < row.length; j++) {
                var[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / divisor;
            }
        }
        return var;
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

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
