package io.glostream.core.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.glostream.core.features.SparseCounts;
import java.util.List;

/** Turns a batch of count vectors into the input tensors of one {@link EncoderInput} form. */
interface BatchInput {

    /** The batch's tensors; its documents are already checked to be non-null and of the encoder's dimension. */
    BatchTensors tensors(OrtEnvironment environment, List<SparseCounts> batch) throws OrtException;

    /** The builder for graphs of {@code form} reading {@code inputDimension} counts. */
    static BatchInput of(EncoderInput form, int inputDimension) {
        return form == EncoderInput.DENSE ? new DenseBatchInput(inputDimension) : new SparseBatchInput();
    }
}
