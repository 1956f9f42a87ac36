package io.glostream.core.inference;

/**
 * The ONNX encoder contract that the trainer's export and serving share. Input {@value #INPUT} is a
 * float tensor {@code [batch, V]} of counts with a dynamic batch dimension; outputs {@value #THETA}
 * (softmax of the mean: the document's topic proportions) and {@value #MEAN} (the pre-softmax mean,
 * used as classification features) are both {@code [batch, K]}.
 */
public final class EncoderGraph {

    /** Input: counts {@code [batch, V]}, float. */
    public static final String INPUT = "counts";
    /** Output: topic proportions {@code [batch, K]}, rows sum to 1. */
    public static final String THETA = "theta";
    /** Output: pre-softmax encoder mean {@code [batch, K]}. */
    public static final String MEAN = "mean";
    /** Name of the dynamic batch dimension. */
    public static final String BATCH_DIMENSION = "batch";

    /** ONNX IR version written; ONNX Runtime 1.24 reads it. */
    public static final long IR_VERSION = 8;
    /** Default-domain opset written; ONNX Runtime 1.24 reads it. */
    public static final long OPSET = 17;
    /** Producer name stamped into every graph this project writes. */
    public static final String PRODUCER = "glostream";

    private EncoderGraph() {
    }
}
