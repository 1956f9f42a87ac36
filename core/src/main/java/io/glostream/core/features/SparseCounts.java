package io.glostream.core.features;

import java.util.Arrays;

/**
 * An immutable sparse vector of non-negative counts over a fixed dimension (a vocabulary, or the
 * joint vocabulary of the polyglot layout). Indices are strictly ascending and every stored value
 * is positive, so two vectors with the same counts are equal.
 *
 * <p>This is the one currency of featurisation: bag-of-words, polyglot augmentation and the encoder
 * input all speak it, so train and serve cannot disagree on layout.
 */
public final class SparseCounts {

    private static final int[] NO_INDICES = new int[0];
    private static final float[] NO_VALUES = new float[0];

    private final int dimension;
    private final int[] indices;
    private final float[] values;

    private SparseCounts(int dimension, int[] indices, float[] values) {
        this.dimension = dimension;
        this.indices = indices;
        this.values = values;
    }

    /** The all-zero vector of the given dimension. */
    public static SparseCounts empty(int dimension) {
        checkDimension(dimension);
        return new SparseCounts(dimension, NO_INDICES, NO_VALUES);
    }

    /**
     * Counts how often each index occurs among the first {@code length} entries of {@code occurrences}.
     * The array is not modified.
     *
     * @throws IllegalArgumentException if an index lies outside {@code [0, dimension)}
     */
    public static SparseCounts countOccurrences(int dimension, int[] occurrences, int length) {
        checkDimension(dimension);
        if (length < 0 || length > occurrences.length) {
            throw new IllegalArgumentException("length " + length + " outside [0, " + occurrences.length + "]");
        }
        if (length == 0) {
            return empty(dimension);
        }
        int[] sorted = Arrays.copyOf(occurrences, length);
        Arrays.sort(sorted);
        if (sorted[0] < 0 || sorted[length - 1] >= dimension) {
            int bad = sorted[0] < 0 ? sorted[0] : sorted[length - 1];
            throw new IllegalArgumentException("index " + bad + " outside [0, " + dimension + ")");
        }
        int distinct = 1;
        for (int i = 1; i < length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int[] idx = new int[distinct];
        float[] val = new float[distinct];
        int slot = 0;
        idx[0] = sorted[0];
        val[0] = 1f;
        for (int i = 1; i < length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                val[slot] += 1f;
            } else {
                slot++;
                idx[slot] = sorted[i];
                val[slot] = 1f;
            }
        }
        return new SparseCounts(dimension, idx, val);
    }

    /** The non-zero entries of a dense vector; negative or non-finite entries are refused. */
    public static SparseCounts fromDense(float[] dense) {
        checkDimension(dense.length);
        int nnz = 0;
        for (float v : dense) {
            if (!(v >= 0f) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("counts must be finite and non-negative, got " + v);
            }
            if (v > 0f) {
                nnz++;
            }
        }
        int[] idx = new int[nnz];
        float[] val = new float[nnz];
        int slot = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] > 0f) {
                idx[slot] = i;
                val[slot++] = dense[i];
            }
        }
        return new SparseCounts(dense.length, idx, val);
    }

    public int dimension() {
        return dimension;
    }

    /** Number of stored (non-zero) entries. */
    public int nnz() {
        return indices.length;
    }

    /** Index of the {@code i}-th non-zero entry, ascending in {@code i}. */
    public int indexAt(int i) {
        return indices[i];
    }

    /** Value of the {@code i}-th non-zero entry. */
    public float valueAt(int i) {
        return values[i];
    }

    /** Value at a vocabulary index (0 when absent). */
    public float get(int index) {
        int pos = Arrays.binarySearch(indices, index);
        return pos >= 0 ? values[pos] : 0f;
    }

    /** Sum of all counts. */
    public double total() {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }

    /** Writes the counts into {@code target} starting at {@code offset}, leaving other cells untouched. */
    public void scatterInto(float[] target, int offset) {
        for (int i = 0; i < indices.length; i++) {
            target[offset + indices[i]] = values[i];
        }
    }

    public float[] toDense() {
        float[] dense = new float[dimension];
        scatterInto(dense, 0);
        return dense;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseCounts other
                && dimension == other.dimension
                && Arrays.equals(indices, other.indices)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SparseCounts[dim=").append(dimension).append(", {");
        for (int i = 0; i < indices.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(indices[i]).append('=').append(values[i]);
        }
        return sb.append("}]").toString();
    }

    private static void checkDimension(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
    }
}
