package io.glostream.core.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One encoder listed in a bundle manifest: its ONNX file and the dimensions the graph must have.
 *
 * @param file bundle-relative path of the ONNX graph
 * @param inputDim V: joint vocabulary size for {@code global}, the language's vocabulary size otherwise
 * @param outputDim K: the number of topics
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"file", "inputDim", "outputDim"})
public record EncoderSpec(String file, int inputDim, int outputDim) {

    /** The conventional file name for an encoder, e.g. {@code encoder-global.onnx}. */
    public static String conventionalFile(String encoderName) {
        return "encoder-" + encoderName + ".onnx";
    }
}
