package io.glostream.core.neighbours;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NeighbourTableTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "V1 = {0}, V2 = {1}, {2}-d, k = {3}, {4} threads")
    @CsvSource({
        "5, 3, 4, 2, 1",
        "77, 301, 13, 6, 3",
        "40, 41, 300, 5, 3",
        "129, 66, 9, 4, 1",
    })
    void computeFindsTheBruteForceNeighboursInBothDirections(int v1, int v2, int dim, int k, int threads) {
        Random random = new Random(v1 * 1000L + v2);
        EmbeddingMatrix e1 = RandomEmbeddings.withZerosAndDuplicates(random, v1, dim);
        EmbeddingMatrix e2 = RandomEmbeddings.withZerosAndDuplicates(random, v2, dim);
        NeighbourTable table = NeighbourTable.compute("en", "de", e1, e2, k, threads);
        EmbeddingMatrix[] embeddings = {e1, e2};
        for (int l = 0; l < 2; l++) {
            EmbeddingMatrix own = embeddings[l];
            EmbeddingMatrix other = embeddings[1 - l];
            for (int w = 0; w < own.rows(); w++) {
                String where = table.languages().get(l) + " word " + w;
                int self = w;
                assertTrue(IntStream.of(table.intra(l, w)).noneMatch(n -> n == self), where + " lists itself");
                assertIsTopK(new BruteForceRanking(own.row(w), own, w), k, table.intra(l, w), where + " intra");
                assertIsTopK(new BruteForceRanking(own.row(w), other, -1), k, table.cross(l, w), where + " cross");
            }
        }
    }

    @Test
    void computeGivesAWordAllOthersWhenTheVocabularyIsSmallerThanK() {
        EmbeddingMatrix e1 = EmbeddingMatrix.ofRows(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1});
        EmbeddingMatrix e2 = EmbeddingMatrix.ofRows(new float[] {1, 0.1f});
        NeighbourTable table = NeighbourTable.compute("en", "fr", e1, e2, 5, 1);
        assertEquals(5, table.k());
        // Cosines of word 0 (1, 0): with (1, 1) 0.707, with (0, 1) 0.
        assertArrayEquals(new int[] {2, 1}, table.intra(0, 0));
        assertArrayEquals(new int[] {0}, table.cross(0, 0));
        assertArrayEquals(new int[] {}, table.intra(1, 0));
        // Cosines of fr word 0 (1, 0.1): with (1, 0) 0.995, with (1, 1) 0.778, with (0, 1) 0.0995.
        assertArrayEquals(new int[] {0, 2, 1}, table.cross(1, 0));
    }

    @Test
    void computeRefusesEmbeddingsOfDifferentDimensions() {
        EmbeddingMatrix twoD = EmbeddingMatrix.ofRows(new float[] {1, 0});
        EmbeddingMatrix threeD = EmbeddingMatrix.ofRows(new float[] {1, 0, 0});
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.compute("en", "de", twoD, threeD, 1, 1));
    }

    @Test
    void ofKeepsRowsAsGivenIncludingShortEmptyAndSelfListingOnes() {
        NeighbourTable table = smallTable();
        assertEquals(List.of("en", "de"), table.languages());
        assertEquals(3, table.vocabularySize(0));
        assertEquals(2, table.vocabularySize(1));
        assertEquals(2, table.k());
        assertArrayEquals(new int[] {2, 0}, table.intra(0, 0));
        assertArrayEquals(new int[] {}, table.intra(0, 1));
        assertArrayEquals(new int[] {1}, table.cross(0, 2));
        assertArrayEquals(new int[] {0, 2}, table.cross(1, 1));
    }

    @Test
    void findsLanguagesByCode() {
        NeighbourTable table = smallTable();
        assertEquals(0, table.languageIndex("en"));
        assertEquals(1, table.languageIndex("de"));
        assertThrows(IllegalArgumentException.class, () -> table.languageIndex("fr"));
    }

    @Test
    void ofCopiesTheRowsItIsGiven() {
        int[][] intra = {{1}, {0}};
        NeighbourTable table = NeighbourTable.of(1,
                new LanguageNeighbours("en", intra, new int[][] {{}, {}}),
                new LanguageNeighbours("de", new int[][] {{}}, new int[][] {{}}));
        intra[0][0] = 0;
        table.intra(0, 1)[0] = 1;
        assertArrayEquals(new int[] {1}, table.intra(0, 0));
        assertArrayEquals(new int[] {0}, table.intra(0, 1));
    }

    @Test
    void ofRefusesAnIntraIndexOutsideItsOwnVocabularyNamingTheWord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(2,
                new LanguageNeighbours("en", new int[][] {{}, {2}}, new int[][] {{}, {}}),
                new LanguageNeighbours("de", new int[][] {{}, {}, {}}, new int[][] {{}, {}, {}})));
        assertTrue(e.getMessage().contains("en word 1: intra neighbour 2 outside [0, 2)"), e.getMessage());
    }

    @Test
    void ofChecksCrossIndicesAgainstTheOtherVocabulary() {
        // de has 3 words, en 2: cross index 2 is valid from en, invalid from de.
        int[][] twoEmpty = {{}, {}};
        int[][] threeEmpty = {{}, {}, {}};
        NeighbourTable.of(1, new LanguageNeighbours("en", twoEmpty, new int[][] {{2}, {}}),
                new LanguageNeighbours("de", threeEmpty, threeEmpty));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(1,
                new LanguageNeighbours("en", twoEmpty, twoEmpty),
                new LanguageNeighbours("de", threeEmpty, new int[][] {{}, {}, {2}})));
        assertTrue(e.getMessage().contains("de word 2: cross neighbour 2 outside [0, 2)"), e.getMessage());
    }

    @Test
    void ofRefusesRowsLongerThanKOrWithRepeats() {
        int[][] one = {{}};
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(1,
                new LanguageNeighbours("en", new int[][] {{0}, {0, 1}}, new int[][] {{}, {}}),
                new LanguageNeighbours("de", one, one)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(3,
                new LanguageNeighbours("en", new int[][] {{1, 0, 1}, {}}, new int[][] {{}, {}}),
                new LanguageNeighbours("de", one, one)));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }

    @Test
    void ofRefusesInconsistentOrMissingRows() {
        int[][] one = {{}};
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(1,
                new LanguageNeighbours("en", new int[][] {{}, {}}, one), new LanguageNeighbours("de", one, one)));
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(1,
                new LanguageNeighbours("en", new int[0][], new int[0][]), new LanguageNeighbours("de", one, one)));
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(1,
                new LanguageNeighbours("en", new int[][] {null}, one), new LanguageNeighbours("de", one, one)));
    }

    @Test
    void refusesUnusableLanguagesAndK() {
        int[][] one = {{}};
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(1,
                new LanguageNeighbours("en", one, one), new LanguageNeighbours("en", one, one)));
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(1,
                new LanguageNeighbours("../en", one, one), new LanguageNeighbours("de", one, one)));
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(-1,
                new LanguageNeighbours("en", one, one), new LanguageNeighbours("de", one, one)));
        assertThrows(IllegalArgumentException.class, () -> NeighbourTable.of(0,
                new LanguageNeighbours("en", new int[][] {{0}}, one), new LanguageNeighbours("de", one, one)));
    }

    @Test
    void refusesWordsAndLanguagesOutsideTheTable() {
        NeighbourTable table = smallTable();
        assertThrows(IndexOutOfBoundsException.class, () -> table.intra(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> table.cross(1, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> table.intra(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> table.vocabularySize(-1));
    }

    /** en: 3 words, de: 2 words, k = 2; en word 0 lists itself, en word 1 has no intra neighbours. */
    static NeighbourTable smallTable() {
        return NeighbourTable.of(2,
                new LanguageNeighbours("en", new int[][] {{2, 0}, {}, {0}}, new int[][] {{0}, {1, 0}, {1}}),
                new LanguageNeighbours("de", new int[][] {{1}, {}}, new int[][] {{}, {0, 2}}));
    }

    /**
     * Asserts that {@code got} is a best-first top-k of the ranking: as many keys as there are (up to
     * k), distinct, each as similar as the true key of its rank, and exactly the true key wherever
     * no near-tie could excuse a difference in float rounding.
     */
    private static void assertIsTopK(BruteForceRanking truth, int k, int[] got, String where) {
        assertEquals(Math.min(k, truth.size()), got.length, where);
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < got.length; r++) {
            assertTrue(seen.add(got[r]), where + ": " + got[r] + " twice");
            assertEquals(truth.cosineAt(r), truth.cosine(got[r]), TOLERANCE, where + " rank " + r);
            if (truth.isClearOfNeighbours(r, 10 * TOLERANCE)) {
                assertEquals(truth.keyAt(r), got[r], where + " rank " + r);
            }
        }
    }
}
