package io.glostream.trainer.embeddings;

import io.glostream.core.bundle.NpyArray;
import io.glostream.trainer.corpus.CorpusFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** A user's document vectors: a NumPy {@code .npy} matrix {@code [documents x d]}, row i for training document i. */
public final class NpyDocumentVectors {

    private NpyDocumentVectors() {
    }

    /**
     * Reads {@code file} and checks it against the documents it must describe.
     *
     * @param lang the language, for messages
     * @param documents how many training documents the language has (after {@code --max-docs})
     * @throws CorpusFormatException in one line when the file is unreadable, not float32/float64, not
     *     two-dimensional, has another number of rows, or has a NaN or infinite value
     */
    public static float[][] read(Path file, String lang, int documents) {
        NpyArray array;
        float[] values;
        try {
            array = NpyArray.parse(file.toString(), Files.readAllBytes(file));
            if (!array.dtype().equals("<f4") && !array.dtype().equals("<f8")) {
                throw new CorpusFormatException(file + ": dtype " + array.dtype() + " is not float32 ('<f4')");
            }
            values = array.toFloats();
        } catch (NoSuchFileException e) {
            throw new CorpusFormatException(file + ": no such file", e);
        } catch (IOException e) {
            throw new CorpusFormatException(e.getMessage(), e);
        }
        long[] shape = array.shape();
        if (shape.length != 2 || shape[1] < 1) {
            throw new CorpusFormatException(file + ": shape " + Arrays.toString(shape)
                    + " is not [documents x dimensions]");
        }
        if (shape[0] != documents) {
            throw new CorpusFormatException(file + ": " + shape[0] + " rows but " + documents + " " + lang
                    + " training documents (one row per document, in order)");
        }
        int width = (int) shape[1];
        float[][] rows = new float[documents][];
        for (int r = 0; r < documents; r++) {
            rows[r] = Arrays.copyOfRange(values, r * width, (r + 1) * width);
            for (float v : rows[r]) {
                if (!Float.isFinite(v)) {
                    throw new CorpusFormatException(file + ": row " + r + " has a NaN or infinite value");
                }
            }
        }
        return rows;
    }
}
