package io.glostream.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link OnnxEncoderTest} on a graph in the sparse form, plus what only that form can get wrong. */
class SparseOnnxEncoderTest extends OnnxEncoderTest {

    SparseOnnxEncoderTest() {
        super(EncoderInput.SPARSE);
    }

    @Test
    void refusesSparseGraphWithoutItsInputDimension() throws IOException {
        ModelProto withoutDimension = EncoderGraphWriter.build(weights, EncoderInput.SPARSE).toBuilder()
                .clearMetadataProps().build();
        Path file = writeModel(withoutDimension, "no-dimension.onnx");

        InferenceException refused = assertThrows(InferenceException.class, () -> OnnxEncoder.open(file));

        assertEquals(file + ": sparse graph has no 'glostream.input_dimension' metadata entry giving its input"
                + " dimension", refused.getMessage());
    }

    @Test
    void refusesSparseGraphWhoseInputDimensionIsNotAPositiveInteger() throws IOException {
        ModelProto model = EncoderGraphWriter.build(weights, EncoderInput.SPARSE).toBuilder()
                .clearMetadataProps()
                .addMetadataProps(StringStringEntryProto.newBuilder()
                        .setKey(EncoderGraph.INPUT_DIMENSION_KEY).setValue("-3"))
                .build();
        Path file = writeModel(model, "negative-dimension.onnx");

        InferenceException refused = assertThrows(InferenceException.class, () -> OnnxEncoder.open(file));

        assertEquals(file + ": metadata 'glostream.input_dimension' must be a positive integer, is '-3'",
                refused.getMessage());
    }

    @Test
    void refusesGraphWithInputsOfNeitherForm() throws IOException {
        ModelProto full = EncoderGraphWriter.build(weights, EncoderInput.SPARSE);
        ModelProto noRows = full.toBuilder().setGraph(full.getGraph().toBuilder()
                .removeInput(2)
                .addInitializer(TensorProto.newBuilder().setName(EncoderGraph.ROWS)
                        .setDataType(TensorProto.DataType.INT64.getNumber())
                        .addDims(1).addInt64Data(0)))
                .build();
        Path file = writeModel(noRows, "no-rows.onnx");

        InferenceException refused = assertThrows(InferenceException.class, () -> OnnxEncoder.open(file));

        assertEquals(file + ": graph inputs are [batch_size, indices, values], the encoder contract has exactly"
                + " [counts] (dense) or [batch_size, indices, rows, values] (sparse)", refused.getMessage());
    }
}
