package io.glostream.trainer.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.trainer.corpus.CorpusFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsAndDictionaryTest {

    @TempDir
    Path dir;

    @Test
    void readsVecFilesWithAHeaderAndGzip() throws IOException {
        Path file = dir.resolve("v.vec.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("2 3\nfoo 1 2 3\n球 -0.5 0 1e-3\n".getBytes(StandardCharsets.UTF_8));
        }
        WordVectors v = WordVectors.load(file);
        assertEquals(3, v.dimension());
        assertEquals(2, v.size());
        assertArrayEquals(new float[] {-0.5f, 0f, 0.001f}, v.get("球"));
        assertNull(v.get("bar"));
    }

    @Test
    void missingWordsGetZeroRows() throws IOException {
        WordVectors v = WordVectors.load(write("v.vec", "a 1 2\nb 3 4\n"));
        assertArrayEquals(new float[] {3, 4, 0, 0, 1, 2}, v.matrixFor(List.of("b", "zzz", "a")));
        assertEquals(2, v.coverage(List.of("b", "zzz", "a")));
    }

    @Test
    void refusesRaggedOrNonNumericVectorsNamingTheLine() throws IOException {
        CorpusFormatException ragged = assertThrows(CorpusFormatException.class,
                () -> WordVectors.load(write("r.vec", "a 1 2\nb 3\n")));
        assertTrue(ragged.getMessage().endsWith("r.vec:2: 1 numbers where earlier lines have 2"), ragged.getMessage());
        CorpusFormatException nan = assertThrows(CorpusFormatException.class,
                () -> WordVectors.load(write("n.vec", "a 1 NaN\n")));
        assertTrue(nan.getMessage().contains("n.vec:1: \"NaN\" is not a finite number"), nan.getMessage());
        assertThrows(CorpusFormatException.class, () -> WordVectors.load(write("d.vec", "a 1\na 2\n")));
        assertThrows(CorpusFormatException.class, () -> WordVectors.load(write("e.vec", "")));
    }

    @Test
    void dictionaryLooksUpBothWays() throws IOException {
        BilingualDictionary d = BilingualDictionary.load(write("d.tsv", "足球\tfootbal\n足球\tsoccer\n球\tbal\n\n"));
        assertEquals(Set.of("footbal", "soccer"), d.english("足球"));
        assertEquals(Set.of("足球"), d.foreign("soccer"));
        assertEquals(Set.of(), d.english("猫"));
        assertEquals(3, d.entries());
    }

    @Test
    void dictionaryRefusesLinesWithoutATab() throws IOException {
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> BilingualDictionary.load(write("bad.tsv", "足球\tfootbal\n足球 soccer\n")));
        assertTrue(e.getMessage().contains("bad.tsv:2:"), e.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
