package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.glostream.core.features.SparseCounts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Turns a batch of sparse count vectors into one dense {@code [n x dimension]} float array through a reused
 * native buffer: only the non-zero cells are written, and only those are cleared again before the next batch.
 * On the CPU the engine wraps the buffer without copying, so an array returned by {@link #stage} must be
 * closed before the next call, and the buffer is aligned as PyTorch aligns its own memory.
 */
final class DenseRowStaging {

    /** PyTorch's own alignment; a product over a differently aligned input can round differently. */
    private static final int ALIGNMENT = 64;

    private final int dimension;
    private final int maxRows;
    private final ByteBuffer bytes;
    private final FloatBuffer floats;
    private List<SparseCounts> lastDocs;
    private int[] lastRows = new int[0];
    private int lastCount;

    DenseRowStaging(int dimension, int maxRows) {
        if (dimension <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("dimension and maxRows must be positive, got " + dimension + " and "
                    + maxRows);
        }
        this.dimension = dimension;
        this.maxRows = maxRows;
        long needed = (long) dimension * maxRows * Float.BYTES;
        int capacity = Math.toIntExact((needed + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT);
        this.bytes = ByteBuffer.allocateDirect(capacity + ALIGNMENT).alignedSlice(ALIGNMENT)
                .order(ByteOrder.nativeOrder());
        this.floats = bytes.asFloatBuffer();
    }

    /** Rows {@code docs[rows[0]], ..., docs[rows[count - 1]]} as a dense array owned by {@code manager}. */
    NDArray stage(NDManager manager, List<SparseCounts> docs, int[] rows, int count) {
        if (count < 1 || count > maxRows || count > rows.length) {
            throw new IllegalArgumentException("row count " + count + " outside [1, " + Math.min(maxRows, rows.length)
                    + "]");
        }
        for (int r = 0; r < count; r++) {
            SparseCounts doc = docs.get(rows[r]);
            if (doc.dimension() != dimension) {
                throw new IllegalArgumentException("document " + rows[r] + " has dimension " + doc.dimension()
                        + ", expected " + dimension);
            }
        }
        clearPrevious();
        for (int r = 0; r < count; r++) {
            SparseCounts doc = docs.get(rows[r]);
            int offset = r * dimension;
            for (int k = 0; k < doc.nnz(); k++) {
                floats.put(offset + doc.indexAt(k), doc.valueAt(k));
            }
        }
        lastDocs = docs;
        lastRows = rows.clone();
        lastCount = count;
        ByteBuffer view = bytes.duplicate().order(ByteOrder.nativeOrder());
        view.position(0).limit(count * dimension * Float.BYTES);
        return manager.create(view.slice().order(ByteOrder.nativeOrder()), new Shape(count, dimension),
                DataType.FLOAT32);
    }

    private void clearPrevious() {
        for (int r = 0; r < lastCount; r++) {
            SparseCounts doc = lastDocs.get(lastRows[r]);
            int offset = r * dimension;
            for (int k = 0; k < doc.nnz(); k++) {
                floats.put(offset + doc.indexAt(k), 0f);
            }
        }
        lastCount = 0;
    }
}
