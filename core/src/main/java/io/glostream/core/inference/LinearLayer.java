package io.glostream.core.inference;

/**
 * A dense affine map {@code y = x W + b} with {@code W} stored row-major as {@code [inputs][outputs]}
 * (the layout ONNX {@code Gemm} expects without transposition).
 *
 * <p>The arrays are held as given, not copied, because encoder weights can be tens of megabytes:
 * treat them as read-only once the layer is built.
 *
 * @param weight {@code [inputs][outputs]}, rectangular, finite
 * @param bias {@code [outputs]}, finite
 */
public record LinearLayer(float[][] weight, float[] bias) {

    public LinearLayer {
        if (weight == null || bias == null) {
            throw new IllegalArgumentException("weight and bias are required");
        }
        if (weight.length == 0) {
            throw new IllegalArgumentException("weight must have at least one input row");
        }
        int outputs = bias.length;
        if (outputs == 0) {
            throw new IllegalArgumentException("bias must have at least one output");
        }
        for (int row = 0; row < weight.length; row++) {
            if (weight[row] == null || weight[row].length != outputs) {
                throw new IllegalArgumentException("weight row " + row + " has "
                        + (weight[row] == null ? "no" : weight[row].length) + " columns, bias has " + outputs);
            }
            checkFinite(weight[row], "weight row " + row);
        }
        checkFinite(bias, "bias");
    }

    public int inputs() {
        return weight.length;
    }

    public int outputs() {
        return bias.length;
    }

    private static void checkFinite(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " holds a non-finite value at " + i + ": " + values[i]);
            }
        }
    }
}
