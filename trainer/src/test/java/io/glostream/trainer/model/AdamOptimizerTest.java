package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {

    private static final double[] START = {0.5, -1.5, 2.0};
    private static final double[] CURVATURE = {1.0, 3.0, 0.25};

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
    void stepsMatchPyTorchAdam() {
        assertMatchesReference(0.1, 0.9, 0.999, 1e-8, 4);
    }

    @Test
    void epsilonIsAddedToTheBiasCorrectedRootAsPyTorchDoes() {
        // with a large eps the placement decides the step: sqrt(v)/sqrt(1-b2^t) + eps, not sqrt(v) + eps
        assertMatchesReference(0.1, 0.9, 0.999, 0.5, 3);
    }

    @Test
    void countsItsSteps() {
        NDArray w = manager.create(new float[] {1f});
        Map<String, NDArray> params = new LinkedHashMap<>(Map.of("w", w));
        w.setRequiresGradient(true);
        AdamOptimizer adam = new AdamOptimizer(params, 0.9, 0.999, 1e-8, manager);
        for (int i = 0; i < 2; i++) {
            try (GradientCollector c = Engine.getEngine(GloCtmModel.ENGINE).newGradientCollector()) {
                c.backward(w.mul(w).sum());
            }
            adam.step(0.01);
        }
        assertEquals(2, adam.steps());
    }

    /** Minimises sum_i c_i w_i^2 (gradient 2 c_i w_i) with DJL and with PyTorch's formula in doubles. */
    private void assertMatchesReference(double lr, double beta1, double beta2, double eps, int steps) {
        float[] start = new float[START.length];
        float[] curvature = new float[START.length];
        for (int i = 0; i < START.length; i++) {
            start[i] = (float) START[i];
            curvature[i] = (float) CURVATURE[i];
        }
        NDArray w = manager.create(start);
        w.setRequiresGradient(true);
        NDArray c = manager.create(curvature);
        Map<String, NDArray> params = new LinkedHashMap<>();
        params.put("w", w);
        AdamOptimizer adam = new AdamOptimizer(params, beta1, beta2, eps, manager);

        double[] ref = START.clone();
        double[] m = new double[ref.length];
        double[] v = new double[ref.length];
        for (int t = 1; t <= steps; t++) {
            try (GradientCollector collector = Engine.getEngine(GloCtmModel.ENGINE).newGradientCollector()) {
                collector.backward(w.mul(w).mul(c).sum());
            }
            adam.step(lr);

            for (int i = 0; i < ref.length; i++) {
                double g = 2 * CURVATURE[i] * ref[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(beta2, t)) + eps;
                ref[i] -= lr / (1 - Math.pow(beta1, t)) * m[i] / denom;
            }
            float[] got = w.toFloatArray();
            for (int i = 0; i < ref.length; i++) {
                assertEquals(ref[i], got[i], 1e-5, "step " + t + ", weight " + i);
            }
        }
    }
}
