package io.glostream.trainer.corpus;

import static io.glostream.core.bundle.NpyTestFiles.floats;
import static io.glostream.core.bundle.NpyTestFiles.ints;
import static io.glostream.core.bundle.NpyTestFiles.longs;
import static io.glostream.core.bundle.NpyTestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    private Path npz(String format, byte[] data, byte[] indices, int indptrLength, byte[] indptr, long rows, long cols)
            throws IOException {
        Path file = dir.resolve(format + ".npz");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "data.npy", npy("<f4", (data.length / 4) + ",", data));
            put(zip, "indices.npy", npy("<i4", (indices.length / 4) + ",", indices));
            put(zip, "indptr.npy", npy("<i4", indptrLength + ",", indptr));
            put(zip, "shape.npy", npy("<i8", "2,", longs(rows, cols)));
            put(zip, "format.npy", npy("|S3", "", format.getBytes(StandardCharsets.US_ASCII)));
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    @Test
    void densifiesCsrAndCscTheSameWay() throws IOException {
        // [[1, 0, 2],
        //  [0, 3, 0]]
        Path csr = npz("csr", floats(1, 2, 3), ints(0, 2, 1), 3, ints(0, 2, 3), 2, 3);
        Path csc = npz("csc", floats(1, 3, 2), ints(0, 1, 0), 4, ints(0, 1, 2, 3), 2, 3);
        float[] expected = {1, 0, 2, 0, 3, 0};
        assertArrayEquals(expected, SparseMatrixNpz.load(csr).toDense());
        assertArrayEquals(expected, SparseMatrixNpz.load(csc).toDense());
        assertArrayEquals(new float[] {0, 3, 0}, SparseMatrixNpz.load(csc).row(1));
    }

    @Test
    void refusesInconsistentSparseArrays() throws IOException {
        Path bad = npz("csr", floats(1, 2, 3), ints(0, 5, 1), 3, ints(0, 2, 3), 2, 3);
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> SparseMatrixNpz.load(bad));
        assertTrue(e.getMessage().endsWith("index 5 outside [0, 3)"), e.getMessage());
        Path notZip = Files.writeString(dir.resolve("plain.npz"), "not a zip");
        assertThrows(CorpusFormatException.class, () -> SparseMatrixNpz.load(notZip));
    }
}
