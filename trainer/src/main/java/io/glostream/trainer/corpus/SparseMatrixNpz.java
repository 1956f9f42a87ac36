package io.glostream.trainer.corpus;

import io.glostream.core.bundle.NpyArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A scipy sparse matrix saved with {@code scipy.sparse.save_npz} (CSR or CSC), read into row-major
 * dense form. The benchmark's BoW matrices are CSR; its word2vec files are CSC holding dense data.
 */
public final class SparseMatrixNpz {

    private final int rows;
    private final int columns;
    private final float[] dense;

    private SparseMatrixNpz(int rows, int columns, float[] dense) {
        this.rows = rows;
        this.columns = columns;
        this.dense = dense;
    }

    public static SparseMatrixNpz load(Path file) {
        Map<String, NpyArray> arrays = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String part : new String[] {"data", "indices", "indptr", "shape", "format"}) {
                ZipEntry entry = zip.getEntry(part + ".npy");
                if (entry == null) {
                    throw new CorpusFormatException(file + ": no " + part + ".npy: not a scipy sparse matrix");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(part, NpyArray.parse(file + "!" + part + ".npy", in.readAllBytes()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new CorpusFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new CorpusFormatException(file + ": cannot read as .npz (" + e.getMessage() + ")", e);
        }
        int[] shape;
        String format;
        float[] values;
        int[] indices;
        int[] indptr;
        try {
            shape = arrays.get("shape").toInts();
            format = arrays.get("format").toText();
            values = arrays.get("data").toFloats();
            indices = arrays.get("indices").toInts();
            indptr = arrays.get("indptr").toInts();
        } catch (IOException e) {
            throw new CorpusFormatException(e.getMessage(), e);
        }
        if (shape.length != 2 || shape[0] < 0 || shape[1] < 0) {
            throw new CorpusFormatException(file + ": shape must be two non-negative sizes");
        }
        boolean csr = switch (format) {
            case "csr" -> true;
            case "csc" -> false;
            default -> throw new CorpusFormatException(file + ": unsupported sparse format \"" + format + "\"");
        };
        int outer = csr ? shape[0] : shape[1];
        int inner = csr ? shape[1] : shape[0];
        if (indptr.length != outer + 1 || indices.length != values.length || indptr[outer] != values.length) {
            throw new CorpusFormatException(file + ": inconsistent " + format + " arrays");
        }
        if ((long) shape[0] * shape[1] > Integer.MAX_VALUE) {
            throw new CorpusFormatException(file + ": " + shape[0] + " x " + shape[1] + " is too large to densify");
        }
        float[] dense = new float[shape[0] * shape[1]];
        for (int o = 0; o < outer; o++) {
            if (indptr[o] > indptr[o + 1]) {
                throw new CorpusFormatException(file + ": indptr decreases at " + o);
            }
            for (int p = indptr[o]; p < indptr[o + 1]; p++) {
                int i = indices[p];
                if (i < 0 || i >= inner) {
                    throw new CorpusFormatException(file + ": index " + i + " outside [0, " + inner + ")");
                }
                int row = csr ? o : i;
                int col = csr ? i : o;
                dense[row * shape[1] + col] += values[p];
            }
        }
        return new SparseMatrixNpz(shape[0], shape[1], dense);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Row-major copy of the matrix. */
    public float[] toDense() {
        return dense.clone();
    }

    public float[] row(int r) {
        float[] out = new float[columns];
        System.arraycopy(dense, r * columns, out, 0, columns);
        return out;
    }
}
