package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loss graph must not depend on Java memory that can be collected before the backward pass (see
 * {@link OwnedArrays}): gradients computed across a garbage collection, with freed native memory reused and
 * overwritten, equal those computed without one.
 */
class GarbageCollectionSafetyTest {

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
    void lossGradientsSurviveAGarbageCollectionBeforeBackward() throws InterruptedException {
        float[] calm = gradients(false);
        float[] collected = gradients(true);

        assertArrayEquals(calm, collected, 0f);
    }

    private float[] gradients(boolean collectBeforeBackward) throws InterruptedException {
        NDArray mean = manager.create(new float[] {0.2f, -0.4f, 1.0f, 0.3f, 0.0f, -1.2f}, new Shape(2, 3));
        NDArray logVar = manager.create(new float[] {0.1f, -0.3f, 0.5f, -0.2f, 0.4f, 0.0f}, new Shape(2, 3));
        mean.setRequiresGradient(true);
        logVar.setRequiresGradient(true);
        NDArray noise = manager.create(new float[] {1f, -0.5f, 0.3f, 0.8f, -1.1f, 0.2f}, new Shape(2, 3));
        NDArray target = manager.create(new float[] {1, 0, 2, 0, 3, 1}, new Shape(2, 3));
        NDArray embedding = manager.create(new float[] {1, 2, -1, 0.5f}, new Shape(2, 2));
        try (NDScope scope = new NDScope();
             GradientCollector collector = Engine.getEngine(GloCtmModel.ENGINE).newGradientCollector()) {
            scope.suppressNotUsedWarning();
            Posterior q = new Posterior(mean, logVar);
            NDArray theta = q.sampleTheta(noise);
            NDArray loss = GloCtmLoss.reconstruction(theta, target).sum()
                    .add(GloCtmLoss.priorKl(mean, logVar, LogisticNormalPrior.dirichlet(3, 1.0)).sum())
                    .add(GloCtmLoss.gaussianKl(mean, logVar, mean.mul(mean), logVar.mul(logVar)).sum())
                    .add(GloCtmLoss.linearCka(theta, embedding).toType(mean.getDataType(), false));
            if (collectBeforeBackward) {
                reuseFreedNativeMemory();
            }
            collector.backward(loss);
        }
        float[] m = mean.getGradient().toFloatArray();
        float[] v = logVar.getGradient().toFloatArray();
        float[] both = new float[m.length + v.length];
        System.arraycopy(m, 0, both, 0, m.length);
        System.arraycopy(v, 0, both, m.length, v.length);
        return both;
    }

    /** Collects garbage, lets the cleaner free direct buffers, then fills fresh small ones with junk. */
    private static void reuseFreedNativeMemory() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            b.putFloat(0, 1e30f).putFloat(4, 1e30f);
            junk.add(b);
        }
    }
}
