package io.glostream.core.inference;

/**
 * The encoder's forward pass in plain double-precision Java, written straight from the GloCTM
 * equations, to check what ONNX Runtime computes from the exported graph.
 */
public final class ReferenceEncoder {

    private ReferenceEncoder() {
    }

    /** The pre-softmax mean for one count vector. */
    public static double[] mean(EncoderWeights weights, float[] counts) {
        double[] h1 = softplus(affine(weights.hidden1(), toDouble(counts)));
        double[] h2 = softplus(affine(weights.hidden2(), h1));
        return affine(weights.mean(), h2);
    }

    /** Topic proportions: softmax of {@link #mean}. */
    public static double[] theta(EncoderWeights weights, float[] counts) {
        return softmax(mean(weights, counts));
    }

    /** {@code x W + b}. */
    public static double[] affine(LinearLayer layer, double[] x) {
        if (x.length != layer.inputs()) {
            throw new IllegalArgumentException("input has " + x.length + " values, layer takes " + layer.inputs());
        }
        double[] y = new double[layer.outputs()];
        for (int k = 0; k < y.length; k++) {
            double sum = layer.bias()[k];
            for (int i = 0; i < x.length; i++) {
                sum += x[i] * layer.weight()[i][k];
            }
            y[k] = sum;
        }
        return y;
    }

    static double[] softplus(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i])));
        }
        return y;
    }

    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i] - max);
            sum += y[i];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] /= sum;
        }
        return y;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
