package io.glostream.core.inference;

/**
 * The ONNX encoder contract that the trainer's export and serving share. The outputs are always
 * {@value #THETA} (softmax of the mean: the document's topic proportions) and {@value #MEAN} (the
 * pre-softmax mean, used as classification features), both float {@code [batch, K]}. The batch comes in
 * one of two {@link EncoderInput} forms:
 *
 * <ul>
 *   <li>{@link EncoderInput#DENSE dense}: {@value #INPUT}, a float tensor {@code [batch, V]} of counts with
 *   a dynamic batch dimension;</li>
 *   <li>{@link EncoderInput#SPARSE sparse}: the non-zeros of the batch in coordinate form, document by
 *   document: {@value #INDICES} (int64 {@code [nnz]}, the word of each non-zero, in {@code [0, V)}),
 *   {@value #VALUES} (float {@code [nnz]}, its count), {@value #ROWS} (int64 {@code [nnz]}, its document,
 *   in {@code [0, batch)}) and {@value #BATCH_SIZE} (int64 {@code [1]}, the number of documents, so that
 *   documents without non-zeros still get a row). V is then in no input's shape, so the graph carries it
 *   as the model metadata entry {@value #INPUT_DIMENSION_KEY}.</li>
 * </ul>
 */
public final class EncoderGraph {

    /** Dense input: counts {@code [batch, V]}, float. */
    public static final String INPUT = "counts";
    /** Sparse input: word index of each non-zero, int64 {@code [nnz]}. */
    public static final String INDICES = "indices";
    /** Sparse input: count of each non-zero, float {@code [nnz]}. */
    public static final String VALUES = "values";
    /** Sparse input: document (row of the batch) of each non-zero, int64 {@code [nnz]}. */
    public static final String ROWS = "rows";
    /** Sparse input: the number of documents in the batch, int64 {@code [1]}. */
    public static final String BATCH_SIZE = "batch_size";
    /** Model metadata key of a sparse graph: V, in decimal. */
    public static final String INPUT_DIMENSION_KEY = "glostream.input_dimension";
    /** Output: topic proportions {@code [batch, K]}, rows sum to 1. */
    public static final String THETA = "theta";
    /** Output: pre-softmax encoder mean {@code [batch, K]}. */
    public static final String MEAN = "mean";
    /** Name of the dynamic batch dimension. */
    public static final String BATCH_DIMENSION = "batch";
    /** Name of the dynamic dimension of the sparse inputs: the batch's non-zeros. */
    public static final String NONZERO_DIMENSION = "nnz";

    /** ONNX IR version written; ONNX Runtime 1.24 reads it. */
    public static final long IR_VERSION = 8;
    /**
     * Default-domain opset written; ONNX Runtime 1.24 reads it. The sparse form needs at least 16, for
     * {@code ScatterND} with {@code reduction="add"}.
     */
    public static final long OPSET = 17;
    /** Producer name stamped into every graph this project writes. */
    public static final String PRODUCER = "glostream";

    private EncoderGraph() {
    }
}
