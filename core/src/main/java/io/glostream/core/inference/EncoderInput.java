package io.glostream.core.inference;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an encoder graph takes its batch (see {@link EncoderGraph}). Both forms compute the same function;
 * they differ only in how the counts reach the first layer.
 */
public enum EncoderInput {

    /**
     * One input {@value EncoderGraph#INPUT} {@code [batch, V]}: the counts written out densely, the first
     * layer a {@code Gemm}. Every bundle written before the sparse form has this one.
     */
    @JsonProperty("dense")
    DENSE,

    /**
     * The batch's non-zeros only ({@value EncoderGraph#INDICES}, {@value EncoderGraph#VALUES},
     * {@value EncoderGraph#ROWS}, each {@code [nnz]}) plus {@value EncoderGraph#BATCH_SIZE}; the first layer
     * gathers the weight rows of the active words, scales them by the counts and sums them per document,
     * so its cost follows the non-zeros instead of V.
     */
    @JsonProperty("sparse")
    SPARSE
}
