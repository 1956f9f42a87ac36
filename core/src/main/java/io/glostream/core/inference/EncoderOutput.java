package io.glostream.core.inference;

import java.util.Arrays;

/**
 * The encoder's answer for one batch: per document, {@code theta} (topic proportions, summing to 1)
 * and {@code mean} (the pre-softmax encoder mean), each of length {@link #topics()}, in batch order.
 */
public final class EncoderOutput {

    private final int size;
    private final int topics;
    private final float[] theta;
    private final float[] mean;

    /**
     * @param theta row-major {@code [size x topics]}, taken without copying
     * @param mean row-major {@code [size x topics]}, taken without copying
     */
    EncoderOutput(int size, int topics, float[] theta, float[] mean) {
        if (theta.length != size * topics || mean.length != size * topics) {
            throw new IllegalArgumentException("expected " + size + " x " + topics + " values, got theta "
                    + theta.length + ", mean " + mean.length);
        }
        this.size = size;
        this.topics = topics;
        this.theta = theta;
        this.mean = mean;
    }

    static EncoderOutput empty(int topics) {
        return new EncoderOutput(0, topics, new float[0], new float[0]);
    }

    /** Number of documents. */
    public int size() {
        return size;
    }

    /** K: values per document. */
    public int topics() {
        return topics;
    }

    /** Topic proportions of document {@code doc} (a copy). */
    public float[] theta(int doc) {
        return row(theta, doc);
    }

    /** Pre-softmax encoder mean of document {@code doc} (a copy). */
    public float[] mean(int doc) {
        return row(mean, doc);
    }

    /** Topic proportions of every document, {@code [size][topics]}. */
    public float[][] thetaRows() {
        return rows(theta);
    }

    /** Pre-softmax encoder means of every document, {@code [size][topics]}. */
    public float[][] meanRows() {
        return rows(mean);
    }

    private float[][] rows(float[] values) {
        float[][] rows = new float[size][];
        for (int doc = 0; doc < size; doc++) {
            rows[doc] = row(values, doc);
        }
        return rows;
    }

    private float[] row(float[] values, int doc) {
        if (doc < 0 || doc >= size) {
            throw new IndexOutOfBoundsException("document " + doc + " outside [0, " + size + ")");
        }
        return Arrays.copyOfRange(values, doc * topics, (doc + 1) * topics);
    }
}
