package io.glostream.core.inference;

/** {@link OnnxEncoderTest} on a graph in the dense form, as bundles written before the sparse one have. */
class DenseOnnxEncoderTest extends OnnxEncoderTest {

    DenseOnnxEncoderTest() {
        super(EncoderInput.DENSE);
    }
}
