package io.glostream.core.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.glostream.core.inference.EncoderInput;

/**
 * One encoder listed in a bundle manifest: its ONNX file, the dimensions the graph must have and the
 * form in which it takes its batch.
 *
 * @param file bundle-relative path of the ONNX graph
 * @param inputDim V: joint vocabulary size for {@code global}, the language's vocabulary size otherwise
 * @param outputDim K: the number of topics
 * @param input the graph's input form; absent (null) means {@link EncoderInput#DENSE dense}, the only form
 *     manifests written before the field existed can describe
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"file", "inputDim", "outputDim", "input"})
public record EncoderSpec(String file, int inputDim, int outputDim, EncoderInput input) {

    public EncoderSpec {
        if (input == null) {
            input = EncoderInput.DENSE;
        }
    }

    /** A spec of a graph in the {@link EncoderInput#DENSE dense} form. */
    public EncoderSpec(String file, int inputDim, int outputDim) {
        this(file, inputDim, outputDim, EncoderInput.DENSE);
    }

    /** The conventional file name for an encoder, e.g. {@code encoder-global.onnx}. */
    public static String conventionalFile(String encoderName) {
        return "encoder-" + encoderName + ".onnx";
    }
}
