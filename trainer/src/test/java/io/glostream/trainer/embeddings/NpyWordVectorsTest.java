package io.glostream.trainer.embeddings;

import static io.glostream.core.bundle.NpyTestFiles.floats;
import static io.glostream.core.bundle.NpyTestFiles.ints;
import static io.glostream.core.bundle.NpyTestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.trainer.corpus.CorpusFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Word vectors as {@code NAME.npy} with {@code NAME.vocab} (or {@code NAME.txt}) beside it. */
class NpyWordVectorsTest {

    @TempDir
    Path dir;

    private Path write(String name, String shape, byte[] data, String vocabName, String vocab) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, npy("<f4", shape, data));
        if (vocabName != null) {
            Files.writeString(dir.resolve(vocabName), vocab);
        }
        return file;
    }

    @Test
    void readsRowsInTheVocabularysOrder() throws IOException {
        Path file = write("muse-en.npy", "3, 2", floats(1, 0, 0, 1, -1, 0.5f), "muse-en.vocab", "cat\ndog\n球\n");
        WordVectors v = WordVectors.load(file);
        assertEquals(2, v.dimension());
        assertEquals(3, v.size());
        assertArrayEquals(new float[] {1, 0}, v.get("cat"));
        assertArrayEquals(new float[] {0, 1}, v.get("dog"));
        assertArrayEquals(new float[] {-1, 0.5f}, v.get("球"));
    }

    @Test
    void fallsBackToTheTxtVocabulary() throws IOException {
        Path file = write("v.npy", "2, 1", floats(3, 4), "v.txt", "a\nb\n");
        assertArrayEquals(new float[] {4}, WordVectors.load(file).get("b"));
    }

    @Test
    void refusesAMissingVocabularyInOneLine() throws IOException {
        Path file = write("alone.npy", "2, 1", floats(3, 4), null, null);
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ": no vocabulary beside it (expected alone.vocab or alone.txt, one word per line for each row)",
                e.getMessage());
    }

    @Test
    void refusesARowCountThatDiffersFromTheVocabulary() throws IOException {
        Path file = write("v.npy", "2, 1", floats(3, 4), "v.vocab", "a\nb\nc\n");
        assertEquals(file + ": 2 rows but v.vocab has 3 words (one word per row)",
                assertThrows(CorpusFormatException.class, () -> WordVectors.load(file)).getMessage());
    }

    @Test
    void refusesNanRowsNamingRowAndWord() throws IOException {
        Path file = write("v.npy", "2, 2", floats(1, 2, 3, Float.NaN), "v.vocab", "a\nb\n");
        assertEquals(file + ": row 1 (\"b\") has a NaN or infinite value",
                assertThrows(CorpusFormatException.class, () -> WordVectors.load(file)).getMessage());
    }

    @Test
    void refusesWrongShapesAndTypes() throws IOException {
        Path flat = write("flat.npy", "4,", floats(1, 2, 3, 4), "flat.vocab", "a\nb\nc\nd\n");
        assertEquals(flat + ": shape [4] is not [words x dimensions]",
                assertThrows(CorpusFormatException.class, () -> WordVectors.load(flat)).getMessage());
        Path ints = dir.resolve("ints.npy");
        Files.write(ints, npy("<i4", "2, 1", ints(1, 2)));
        Files.writeString(dir.resolve("ints.vocab"), "a\nb\n");
        assertEquals(ints + ": dtype <i4 is not float32 or float64",
                assertThrows(CorpusFormatException.class, () -> WordVectors.load(ints)).getMessage());
    }

    @Test
    void refusesDuplicateAndEmptyWords() throws IOException {
        Path dup = write("dup.npy", "2, 1", floats(1, 2), "dup.vocab", "a\na\n");
        assertEquals(dir.resolve("dup.vocab") + ":2: duplicate word \"a\"",
                assertThrows(CorpusFormatException.class, () -> WordVectors.load(dup)).getMessage());
        Path empty = write("empty.npy", "2, 1", floats(1, 2), "empty.vocab", "a\n\n");
        assertEquals(dir.resolve("empty.vocab") + ":2: empty word",
                assertThrows(CorpusFormatException.class, () -> WordVectors.load(empty)).getMessage());
    }
}
