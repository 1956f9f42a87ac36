package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam exactly as {@code torch.optim.Adam} without weight decay: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * w -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps). The step runs in DJL's fused native Adam kernel
 * (w -= c m / (sqrt(v) + e)), with c = lr sqrt(1-b2^t)/(1-b1^t) and e = eps sqrt(1-b2^t), which is the same
 * update; the kernel also zeroes each gradient. Its moments are part of a checkpoint.
 */
final class AdamOptimizer {

    private final Map<String, NDArray> parameters;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double eps;
    private long steps;

    AdamOptimizer(Map<String, NDArray> parameters, double beta1, double beta2, double eps, NDManager manager) {
        this.parameters = parameters;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
            firstMoments.put(p.getKey(), manager.zeros(p.getValue().getShape()));
            secondMoments.put(p.getKey(), manager.zeros(p.getValue().getShape()));
        }
    }

    /** Applies one update with learning rate {@code lr} from the gradients of the last backward pass. */
    void step(double lr) {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double rootCorrection2 = Math.sqrt(1 - Math.pow(beta2, steps));
        float stepSize = (float) (lr * rootCorrection2 / correction1);
        float kernelEps = (float) (eps * rootCorrection2);
        for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
            NDArray weight = p.getValue();
            NDArray grad = weight.getGradient();
            // arguments: lr (used only for decoupled weight decay), step size, weight decay, gradient rescale,
            // clip threshold (negative: none), betas, eps, lazy update, AdamW
            weight.getNDArrayInternal().adamUpdate(
                    new NDList(weight, grad, firstMoments.get(p.getKey()), secondMoments.get(p.getKey())),
                    new NDList(weight), (float) lr, stepSize, 0f, 1f, -1f, (float) beta1, (float) beta2, kernelEps,
                    false, false);
            grad.close();
        }
    }

    long steps() {
        return steps;
    }

    Map<String, NDArray> firstMoments() {
        return Collections.unmodifiableMap(firstMoments);
    }

    Map<String, NDArray> secondMoments() {
        return Collections.unmodifiableMap(secondMoments);
    }

    /** Sets the step count t after the moments were restored from a checkpoint. */
    void restoreSteps(long restoredSteps) {
        if (restoredSteps < 0) {
            throw new IllegalArgumentException("step count must be >= 0, got " + restoredSteps);
        }
        this.steps = restoredSteps;
    }
}
