package io.glostream.core.neighbours;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.features.PolyglotAugmenter;
import io.glostream.core.features.SparseCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighbourTableFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesOneReadableLinePerWord() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        assertEquals("2 0\t0\n\t1 0\n0\t1\n", Files.readString(dir.resolve("neighbours-en.tsv"), UTF_8));
        assertEquals("1\t\n\t0 2\n", Files.readString(dir.resolve("neighbours-de.tsv"), UTF_8));
    }

    @Test
    void loadReadsBackWhatSaveWrote() throws IOException {
        NeighbourTable table = NeighbourTableTest.smallTable();
        table.save(dir);
        assertEquals(table, NeighbourTable.load(dir, "en", "de", 3, 2, 2));
    }

    @Test
    void aTableWithoutNeighboursRoundTripsAndAugmentsToPresenceOnly() throws IOException {
        int[][] twoEmpty = {{}, {}};
        int[][] threeEmpty = {{}, {}, {}};
        NeighbourTable table = NeighbourTable.of(0, new LanguageNeighbours("en", threeEmpty, threeEmpty),
                new LanguageNeighbours("de", twoEmpty, twoEmpty));
        table.save(dir);
        assertEquals("\t\n\t\n\t\n", Files.readString(dir.resolve("neighbours-en.tsv"), UTF_8));
        NeighbourTable loaded = NeighbourTable.load(dir, "en", "de", 3, 2, 0);
        assertEquals(table, loaded);
        // German word 0 twice: g marks it once, in the German block (after en's 3 words), and nothing else
        SparseCounts g = new PolyglotAugmenter(loaded).augment(1, SparseCounts.fromDense(new float[] {2, 0}));
        assertEquals(5, g.dimension());
        assertEquals(1, g.nnz());
        assertEquals(3, g.indexAt(0));
        assertEquals(1f, g.valueAt(0));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> NeighbourTable.load(dir, "en", "de", 3, 2, -1));
        assertTrue(negative.getMessage().contains("k must be at least 0"), negative.getMessage());
    }

    @Test
    void computedTablesSurviveTheRoundTrip() throws IOException {
        Random random = new Random(2);
        NeighbourTable table = NeighbourTable.compute("en", "zh",
                RandomEmbeddings.withZerosAndDuplicates(random, 60, 8),
                RandomEmbeddings.withZerosAndDuplicates(random, 45, 8), 4, 2);
        table.save(dir.resolve("bundle"));
        assertEquals(table, NeighbourTable.load(dir.resolve("bundle"), "en", "zh", 60, 45, 4));
    }

    @Test
    void refusesAFileWithFewerLinesThanWords() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        Files.writeString(dir.resolve("neighbours-en.tsv"), "2 0\t0\n\t1 0\n", UTF_8);
        assertCorrupt("neighbours-en.tsv:3: file ends after 2 lines, the vocabulary has 3 words");
    }

    @Test
    void refusesAFileWithMoreLinesThanWords() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        Files.writeString(dir.resolve("neighbours-de.tsv"), "1\t\n\t0 2\n\t\n", UTF_8);
        assertCorrupt("neighbours-de.tsv:3: more lines than the 2 words of the vocabulary");
    }

    @Test
    void refusesAnIntraIndexOutsideTheVocabulary() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        Files.writeString(dir.resolve("neighbours-en.tsv"), "2 0\t0\n\t1 0\n3\t1\n", UTF_8);
        assertCorrupt("neighbours-en.tsv:3: intra neighbour 3 outside [0, 3)");
    }

    @Test
    void refusesACrossIndexOutsideTheOtherVocabulary() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        Files.writeString(dir.resolve("neighbours-de.tsv"), "1\t3\n\t0 2\n", UTF_8);
        assertCorrupt("neighbours-de.tsv:1: cross neighbour 3 outside [0, 3)");
        NeighbourTableTest.smallTable().save(dir);
        Files.writeString(dir.resolve("neighbours-en.tsv"), "2 0\t0\n\t1 2\n0\t1\n", UTF_8);
        assertCorrupt("neighbours-en.tsv:2: cross neighbour 2 outside [0, 2)");
    }

    @Test
    void refusesTokensThatAreNotIndices() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        for (String garbage : new String[] {"x", "-1", "1.0", "", "+1", "99999999999"}) {
            Files.writeString(dir.resolve("neighbours-de.tsv"), "1\t\n\t0 " + garbage + "\n", UTF_8);
            assertCorrupt("neighbours-de.tsv:2: '" + garbage + "' is not a neighbour index");
        }
    }

    @Test
    void refusesLinesWithoutExactlyOneTab() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        Files.writeString(dir.resolve("neighbours-de.tsv"), "1 0\n\t0 2\n", UTF_8);
        assertCorrupt("neighbours-de.tsv:1: expected intra and cross indices separated by one tab");
        Files.writeString(dir.resolve("neighbours-de.tsv"), "1\t\t\n\t0 2\n", UTF_8);
        assertCorrupt("neighbours-de.tsv:1: expected intra and cross indices separated by one tab");
    }

    @Test
    void refusesRowsLongerThanKOrWithRepeats() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        Files.writeString(dir.resolve("neighbours-en.tsv"), "2 0 1\t0\n\t1 0\n0\t1\n", UTF_8);
        assertCorrupt("neighbours-en.tsv:1: intra neighbours: 3 listed, more than k = 2");
        Files.writeString(dir.resolve("neighbours-en.tsv"), "2 0\t0\n\t1 1\n0\t1\n", UTF_8);
        assertCorrupt("neighbours-en.tsv:2: cross neighbour 1 listed twice");
    }

    @Test
    void refusesAMissingFile() throws IOException {
        NeighbourTableTest.smallTable().save(dir);
        Files.delete(dir.resolve("neighbours-de.tsv"));
        assertThrows(NoSuchFileException.class, () -> NeighbourTable.load(dir, "en", "de", 3, 2, 2));
    }

    private void assertCorrupt(String expectedMessageEnd) {
        IOException e = assertThrows(IOException.class, () -> NeighbourTable.load(dir, "en", "de", 3, 2, 2));
        assertTrue(e.getMessage().endsWith(expectedMessageEnd), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
    }
}
