package io.glostream.core.neighbours;

import java.util.Arrays;

/**
 * An immutable {@code rows × dimension} matrix of finite floats, one word embedding per row, stored
 * row-major. Row {@code i} is the embedding of vocabulary index {@code i}.
 */
public final class EmbeddingMatrix {

    private final int rows;
    private final int dimension;
    private final float[] values;

    private EmbeddingMatrix(int rows, int dimension, float[] values) {
        this.rows = rows;
        this.dimension = dimension;
        this.values = values;
    }

    /**
     * A matrix over a copy of {@code rowMajor}, whose length must be {@code rows * dimension}.
     *
     * @throws IllegalArgumentException if a size is not positive, the length does not match or a value
     *     is NaN or infinite
     */
    public static EmbeddingMatrix of(int rows, int dimension, float[] rowMajor) {
        if (rows <= 0 || dimension <= 0) {
            throw new IllegalArgumentException(
                    "rows and dimension must be positive, got " + rows + " × " + dimension);
        }
        if ((long) rows * dimension != rowMajor.length) {
            throw new IllegalArgumentException("expected " + rows + " × " + dimension + " = "
                    + (long) rows * dimension + " values, got " + rowMajor.length);
        }
        for (int i = 0; i < rowMajor.length; i++) {
            if (!Float.isFinite(rowMajor[i])) {
                throw new IllegalArgumentException("value at row " + i / dimension + ", column "
                        + i % dimension + " is not finite: " + rowMajor[i]);
            }
        }
        return new EmbeddingMatrix(rows, dimension, rowMajor.clone());
    }

    /**
     * A matrix whose rows are copies of the given equally long rows.
     *
     * @throws IllegalArgumentException if there are no rows, the rows differ in length or a value is
     *     not finite
     */
    public static EmbeddingMatrix ofRows(float[]... rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("at least one row is required");
        }
        int dimension = rows[0].length;
        float[] rowMajor = new float[Math.multiplyExact(rows.length, dimension)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dimension) {
                throw new IllegalArgumentException(
                        "row " + i + " has length " + rows[i].length + ", row 0 has " + dimension);
            }
            System.arraycopy(rows[i], 0, rowMajor, i * dimension, dimension);
        }
        return of(rows.length, dimension, rowMajor);
    }

    public int rows() {
        return rows;
    }

    public int dimension() {
        return dimension;
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        checkRow(i);
        return Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
    }

    public float get(int row, int column) {
        checkRow(row);
        if (column < 0 || column >= dimension) {
            throw new IndexOutOfBoundsException("column " + column + " outside [0, " + dimension + ")");
        }
        return values[row * dimension + column];
    }

    /**
     * A copy with every non-zero row scaled to unit Euclidean length. Zero rows stay zero, so their
     * cosine similarity with any row comes out as 0 rather than NaN.
     */
    public EmbeddingMatrix l2Normalised() {
        float[] normalised = new float[values.length];
        for (int r = 0; r < rows; r++) {
            int start = r * dimension;
            // Squares summed in double: a finite float can square past Float.MAX_VALUE.
            double squares = 0;
            for (int c = start; c < start + dimension; c++) {
                squares += (double) values[c] * values[c];
            }
            if (squares > 0) {
                double norm = Math.sqrt(squares);
                for (int c = start; c < start + dimension; c++) {
                    normalised[c] = (float) (values[c] / norm);
                }
            }
        }
        return new EmbeddingMatrix(rows, dimension, normalised);
    }

    /** The backing array, for searches in this package that must not copy it; never modified. */
    float[] rowMajorValues() {
        return values;
    }

    private void checkRow(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " outside [0, " + rows + ")");
        }
    }
}
