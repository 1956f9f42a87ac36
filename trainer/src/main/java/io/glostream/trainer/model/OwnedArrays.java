package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays whose memory PyTorch owns. DJL's PyTorch engine wraps Java direct buffers without copying, which
 * bites twice. DJL's {@code NDArray.mul(Number)} and its kin wrap the number that way and close the wrapper
 * right after the op, while autograd keeps the tensor for the backward pass (mul, div): a garbage collection
 * in between frees the memory under it and the gradient silently reads garbage. And Java buffers are not
 * aligned as PyTorch aligns its own (64 bytes), so a matrix product can round differently from run to run.
 * Anything that may carry a gradient or enter a matrix product is made here instead.
 */
final class OwnedArrays {

    private OwnedArrays() {
    }

    /** A 0-d array holding {@code value}, with the data type and device of {@code array}. */
    static NDArray scalarLike(NDArray array, double value) {
        return array.getManager().full(new Shape(), (float) value, array.getDataType(), array.getDevice());
    }

    /** A PyTorch-owned copy of {@code data} in the given shape, on the manager's device. */
    static NDArray copyOf(NDManager manager, float[] data, Shape shape) {
        try (NDArray wrapped = manager.create(data, shape)) {
            return wrapped.duplicate();
        }
    }
}
