package io.glostream.trainer.embeddings;

import static io.glostream.core.bundle.NpyTestFiles.floats;
import static io.glostream.core.bundle.NpyTestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.trainer.corpus.CorpusFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyDocumentVectorsTest {

    @TempDir
    Path dir;

    private Path write(String shape, byte[] data) throws IOException {
        Path file = dir.resolve("docs-en.npy");
        Files.write(file, npy("<f4", shape, data));
        return file;
    }

    @Test
    void readsOneRowPerDocument() throws IOException {
        Path file = write("3, 2", floats(1, 2, 3, 4, 5, 6));
        float[][] rows = NpyDocumentVectors.read(file, "en", 3);
        assertArrayEquals(new float[][] {{1, 2}, {3, 4}, {5, 6}}, rows);
    }

    @Test
    void refusesAnotherNumberOfRowsInOneLine() throws IOException {
        Path file = write("3, 2", floats(1, 2, 3, 4, 5, 6));
        assertEquals(file + ": 3 rows but 4 en training documents (one row per document, in order)",
                assertThrows(CorpusFormatException.class, () -> NpyDocumentVectors.read(file, "en", 4)).getMessage());
    }

    @Test
    void refusesNanRowsAndOtherShapes() throws IOException {
        Path nan = write("2, 2", floats(1, 2, Float.POSITIVE_INFINITY, 4));
        assertEquals(nan + ": row 1 has a NaN or infinite value",
                assertThrows(CorpusFormatException.class, () -> NpyDocumentVectors.read(nan, "en", 2)).getMessage());
        Path flat = write("4,", floats(1, 2, 3, 4));
        assertEquals(flat + ": shape [4] is not [documents x dimensions]",
                assertThrows(CorpusFormatException.class, () -> NpyDocumentVectors.read(flat, "en", 4)).getMessage());
        Path missing = dir.resolve("nope.npy");
        assertEquals(missing + ": no such file",
                assertThrows(CorpusFormatException.class, () -> NpyDocumentVectors.read(missing, "en", 1)).getMessage());
        Files.writeString(dir.resolve("text.npy"), "not numpy");
        assertTrue(assertThrows(CorpusFormatException.class,
                () -> NpyDocumentVectors.read(dir.resolve("text.npy"), "en", 1)).getMessage().endsWith("not a NumPy .npy file"));
    }

    @Test
    void provenanceNamesTheFileAndItsDigest() throws IOException {
        Path file = write("1, 1", floats(1));
        // sha256 of the bytes, computed independently of FileDigest
        String expected = HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
        assertEquals("npy:docs-en.npy+sha256:" + expected, new DocumentVectorSource.NpyFile(file).provenance());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
