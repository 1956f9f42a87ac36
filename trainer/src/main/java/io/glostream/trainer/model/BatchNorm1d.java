package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;

/**
 * PyTorch's {@code BatchNorm1d} over {@code [n x features]} with the scale (gamma) fixed at 1 and only the
 * shift (beta) trained, as ProdLDA-style topic models use it. Training normalises with the batch mean and
 * biased variance and moves the running statistics by {@code momentum} towards the batch mean and unbiased
 * variance; inference normalises with the running statistics.
 */
final class BatchNorm1d {

    private final float eps;
    private final float djlMomentum;
    private final NDArray scale;
    private final NDArray shift;
    private final NDArray runningMean;
    private final NDArray runningVar;

    BatchNorm1d(String name, int features, double eps, double momentum, NDManager manager, ModelState state) {
        this.eps = (float) eps;
        // DJL states momentum as the weight kept on the old running value; PyTorch as the weight of the batch.
        this.djlMomentum = (float) (1.0 - momentum);
        this.scale = manager.ones(new Shape(features));
        this.shift = state.addParameter(name + ".beta", manager.zeros(new Shape(features)));
        this.runningMean = state.addBuffer(name + ".running_mean", manager.zeros(new Shape(features)));
        this.runningVar = state.addBuffer(name + ".running_var", manager.ones(new Shape(features)));
    }

    NDArray forward(NDArray x, boolean training) {
        // axis -1 selects DJL's direct call of torch's batch_norm, whose channel axis is 1 for 2-d input
        return BatchNorm.batchNorm(x, runningMean, runningVar, scale, shift, -1, djlMomentum, eps, training)
                .singletonOrThrow();
    }

    float eps() {
        return eps;
    }

    float[] runningMean() {
        return runningMean.toFloatArray();
    }

    float[] runningVar() {
        return runningVar.toFloatArray();
    }

    float[] shift() {
        return shift.toFloatArray();
    }

    float[] scale() {
        return scale.toFloatArray();
    }
}
