package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.Random;

/**
 * A fully connected layer y = x W^T + b, with PyTorch's {@code nn.Linear} layout ({@code W} is
 * {@code [out x in]}) and initialisation (W and b uniform in +-1/sqrt(in)), so one fused addmm does the work.
 */
final class LinearLayer {

    private final int in;
    private final int out;
    private final NDArray weight;
    private final NDArray bias;

    LinearLayer(String name, int in, int out, NDManager manager, Random init, ModelState state) {
        this.in = in;
        this.out = out;
        double bound = 1.0 / Math.sqrt(in);
        this.weight = state.addParameter(name + ".weight",
                OwnedArrays.copyOf(manager, Initialisers.uniform(init, out * in, bound), new Shape(out, in)));
        this.bias = state.addParameter(name + ".bias",
                OwnedArrays.copyOf(manager, Initialisers.uniform(init, out, bound), new Shape(out)));
    }

    NDArray forward(NDArray x) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    /** The weights as a row-major {@code [in x out]} matrix, so that y = x W + b. */
    float[] weightInByOut() {
        float[] rowsOut = weight.toFloatArray();
        float[] transposed = new float[rowsOut.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                transposed[i * out + o] = rowsOut[o * in + i];
            }
        }
        return transposed;
    }

    float[] bias() {
        return bias.toFloatArray();
    }
}
