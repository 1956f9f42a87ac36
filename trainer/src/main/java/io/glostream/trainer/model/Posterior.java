package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;

/**
 * An encoder's diagonal Gaussian q(z | x) over the K-dimensional logistic-normal space: per document
 * the mean and the log-variance, both {@code [n x K]}.
 */
record Posterior(NDArray mean, NDArray logVariance) {

    /** Reparameterised draw theta = softmax(mu + noise * exp(logvar / 2)) for standard normal {@code noise}. */
    NDArray sampleTheta(NDArray noise) {
        return mean.add(noise.mul(logVariance.mul(OwnedArrays.scalarLike(logVariance, 0.5)).exp())).softmax(1);
    }

    /** The deterministic topic proportions softmax(mu). */
    NDArray meanTheta() {
        return mean.softmax(1);
    }
}
