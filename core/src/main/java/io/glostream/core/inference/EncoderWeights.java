package io.glostream.core.inference;

/**
 * The weights of one GloCTM encoder at inference time:
 * {@code h1 = softplus(x W1 + b1)}, {@code h2 = softplus(h1 W2 + b2)}, {@code mean = h2 Wmu + bmu}.
 * Batch norm on the mean, if the model has one, must already be folded into {@code mean}
 * (see {@link BatchNorm#foldInto(LinearLayer)}).
 *
 * @param hidden1 {@code W1 [V x H]}, {@code b1 [H]}
 * @param hidden2 {@code W2 [H x H]}, {@code b2 [H]}
 * @param mean {@code Wmu [H x K]}, {@code bmu [K]}
 */
public record EncoderWeights(LinearLayer hidden1, LinearLayer hidden2, LinearLayer mean) {

    public EncoderWeights {
        if (hidden1 == null || hidden2 == null || mean == null) {
            throw new IllegalArgumentException("all three layers are required");
        }
        if (hidden2.inputs() != hidden1.outputs() || hidden2.outputs() != hidden1.outputs()) {
            throw new IllegalArgumentException("second hidden layer must be " + hidden1.outputs() + " x "
                    + hidden1.outputs() + ", got " + hidden2.inputs() + " x " + hidden2.outputs());
        }
        if (mean.inputs() != hidden2.outputs()) {
            throw new IllegalArgumentException("mean layer takes " + mean.inputs() + " inputs, hidden layers give "
                    + hidden2.outputs());
        }
    }

    /** V: the length of the count vector the encoder reads. */
    public int inputDimension() {
        return hidden1.inputs();
    }

    /** H: the width of both hidden layers. */
    public int hiddenDimension() {
        return hidden1.outputs();
    }

    /** K: the number of topics. */
    public int topics() {
        return mean.outputs();
    }
}
