package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DJL primitives the encoders rely on, against direct computation. */
class ActivationSemanticsTest {

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
    void softplusIsLogOfOnePlusExp() {
        float[] x = {-30f, -2f, 0f, 0.5f, 3f, 25f};

        float[] y = Activation.softPlus(manager.create(x)).toFloatArray();

        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.log1p(Math.exp(x[i])), y[i], 1e-5 * Math.max(1, Math.abs(x[i])), "x = " + x[i]);
        }
    }

    @Test
    void meanThetaIsASoftmaxOverTopicsWithinEachDocument() {
        float[] mu = {1f, 2f, 3f, -1f, 0f, 4f};
        Posterior q = new Posterior(manager.create(mu, new Shape(2, 3)), manager.zeros(new Shape(2, 3)));

        float[] theta = q.meanTheta().toFloatArray();

        for (int row = 0; row < 2; row++) {
            double z = 0;
            for (int k = 0; k < 3; k++) {
                z += Math.exp(mu[row * 3 + k]);
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(mu[row * 3 + k]) / z, theta[row * 3 + k], 1e-6);
            }
        }
    }

    @Test
    void sampledThetaShiftsTheMeanByNoiseTimesStandardDeviation() {
        float[] mu = {0.5f, -0.5f};
        float[] logVar = {(float) Math.log(4), 0f};
        float[] noise = {1f, -2f};
        Posterior q = new Posterior(manager.create(mu, new Shape(1, 2)), manager.create(logVar, new Shape(1, 2)));

        NDArray theta = q.sampleTheta(manager.create(noise, new Shape(1, 2)));

        // z = (0.5 + 1 * 2, -0.5 - 2 * 1) = (2.5, -2.5)
        double e = Math.exp(2.5) + Math.exp(-2.5);
        assertEquals(Math.exp(2.5) / e, theta.getFloat(0, 0), 1e-6);
        assertEquals(Math.exp(-2.5) / e, theta.getFloat(0, 1), 1e-6);
    }
}
