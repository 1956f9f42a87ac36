package io.glostream.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.neighbours.LanguageNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The worked examples use one table, en (4 words, joint indices 0-3) and de (3 words, joint
 * indices 4-6), k = 2:
 *
 * <pre>
 *   en word | N_I       | N_C (de)        de word | N_I     | N_C (en)
 *   0       | {1, 2}    | {0}             0       | {1}     | {0, 1}
 *   1       | {0}       | {0, 1}          1       | {0, 2}  | {3}
 *   2       | {2} self  | {}              2       | {}      | {1}
 *   3       | {}        | {2}
 * </pre>
 *
 * Expected vectors are written {@code [en block | de block]}.
 */
class PolyglotAugmenterTest {

    private static final int EN = 0;
    private static final int DE = 1;

    private final PolyglotAugmenter augmenter = new PolyglotAugmenter(NeighbourTable.of(2,
            new LanguageNeighbours("en", new int[][] {{1, 2}, {0}, {2}, {}}, new int[][] {{0}, {0, 1}, {}, {2}}),
            new LanguageNeighbours("de", new int[][] {{1}, {0, 2}, {}}, new int[][] {{0, 1}, {3}, {1}})));

    @Test
    void theJointDimensionIsBothVocabulariesTogether() {
        assertEquals(4 + 3, augmenter.dimension());
    }

    @Test
    void aWordAddsItselfItsIntraNeighboursAndItsCrossNeighbours() {
        // en {0}: x̃en = [w=0] at 0, N_I(0) at 1 and 2; x̃de = N_C(0) at de 0.
        assertArrayEquals(new float[] {1, 1, 1, 0, /**/ 1, 0, 0}, augment(EN, 0));
    }

    @Test
    void aWordThatIsItsOwnIntraNeighbourCountsTwice() {
        // en {2}: x̃en_2 = [2 = 2] + [2 ∈ N_I(2)] = 1 + 1 = 2; N_C(2) is empty.
        assertArrayEquals(new float[] {0, 0, 2, 0, /**/ 0, 0, 0}, augment(EN, 2));
    }

    @Test
    void aWordWithoutIntraNeighboursStillAddsItselfAndItsCrossNeighbours() {
        // en {3}: itself at 3, N_C(3) = {2} at de 2.
        assertArrayEquals(new float[] {0, 0, 0, 1, /**/ 0, 0, 1}, augment(EN, 3));
    }

    @Test
    void aRepeatedWordCountsOnceBecauseOnlyPresenceMatters() {
        // x_0 = 5 > 0 makes word 0 active once: the same g as a single occurrence.
        SparseCounts fiveTimes = SparseCounts.countOccurrences(4, new int[] {0, 0, 0, 0, 0}, 5);
        assertArrayEquals(new float[] {1, 1, 1, 0, /**/ 1, 0, 0}, augmenter.augment(EN, fiveTimes).toDense());
    }

    @Test
    void wordsSharingANeighbourAddUpTheirContributions() {
        // en {0, 1}:
        //   en 0: [0 = 0] from word 0 + [0 ∈ N_I(1)] from word 1 = 2
        //   en 1: [1 ∈ N_I(0)] from word 0 + [1 = 1] from word 1 = 2
        //   en 2: [2 ∈ N_I(0)] = 1;  en 3: 0
        //   de 0: [0 ∈ N_C(0)] + [0 ∈ N_C(1)] = 2;  de 1: [1 ∈ N_C(1)] = 1;  de 2: 0
        assertArrayEquals(new float[] {2, 2, 1, 0, /**/ 2, 1, 0}, augment(EN, 0, 1));
    }

    @Test
    void aSecondLanguageDocumentKeepsTheFirstLanguageBlockFirst() {
        // de {1}: itself at de 1, N_I(1) = {0, 2} at de 0 and de 2, N_C(1) = {3} at en 3.
        assertArrayEquals(new float[] {0, 0, 0, 1, /**/ 1, 1, 1}, augment(DE, 1));
        // de {0, 2}: en 0 from N_C(0); en 1 from N_C(0) and N_C(2) = 2;
        //            de 0 itself, de 1 from N_I(0), de 2 itself.
        assertArrayEquals(new float[] {1, 2, 0, 0, /**/ 1, 1, 1}, augment(DE, 0, 2));
    }

    @Test
    void anEmptyDocumentGivesTheAllZeroVector() {
        assertArrayEquals(new float[7], augmenter.augment(EN, SparseCounts.empty(4)).toDense());
    }

    @Test
    void aDocumentOfUnknownWordsHasAnEmptyBagOfWordsAndSoAnEmptyG() {
        SparseCounts noKnownWords = SparseCounts.countOccurrences(3, new int[0], 0);
        SparseCounts g = augmenter.augment(DE, noKnownWords);
        assertEquals(SparseCounts.empty(7), g);
        assertEquals(0, g.nnz());
    }

    @Test
    void refusesABagOfWordsOverTheWrongVocabulary() {
        SparseCounts deDocument = SparseCounts.countOccurrences(3, new int[] {0}, 1);
        assertThrows(IllegalArgumentException.class, () -> augmenter.augment(EN, deDocument));
        assertThrows(IllegalArgumentException.class, () -> augmenter.augment(2, deDocument));
        assertThrows(IllegalArgumentException.class, () -> augmenter.augment(-1, deDocument));
    }

    @Test
    void augmentAllAugmentsEachDocumentInOrder() {
        List<SparseCounts> bows = List.of(bow(DE, 1), SparseCounts.empty(3), bow(DE, 0, 2));
        assertEquals(List.of(augmenter.augment(DE, bows.get(0)), SparseCounts.empty(7), augmenter.augment(DE, bows.get(2))),
                augmenter.augmentAll(DE, bows));
    }

    @Test
    void agreesWithTheEquationsEvaluatedLiterallyOnRandomTables() {
        Random random = new Random(17);
        for (int trial = 0; trial < 20; trial++) {
            NeighbourTable table = randomTable(random);
            PolyglotAugmenter randomAugmenter = new PolyglotAugmenter(table);
            for (int lang = 0; lang < 2; lang++) {
                SparseCounts bow = randomBow(random, table.vocabularySize(lang));
                assertArrayEquals(literalG(table, lang, bow), randomAugmenter.augment(lang, bow).toDense(),
                        "trial " + trial + ", language " + lang + ", " + bow);
            }
        }
    }

    @Test
    void concurrentCallersGetTheSameResultsAsOneCaller() throws Exception {
        Random random = new Random(23);
        NeighbourTable table = randomTable(random);
        PolyglotAugmenter shared = new PolyglotAugmenter(table);
        List<SparseCounts> bows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            bows.add(randomBow(random, table.vocabularySize(0)));
        }
        List<SparseCounts> expected = shared.augmentAll(0, bows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SparseCounts>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> shared.augmentAll(0, bows)));
            }
            for (Future<List<SparseCounts>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private float[] augment(int lang, int... activeWords) {
        return augmenter.augment(lang, bow(lang, activeWords)).toDense();
    }

    private static SparseCounts bow(int lang, int... words) {
        return SparseCounts.countOccurrences(lang == EN ? 4 : 3, words, words.length);
    }

    /** g by the paper's sums over active words of Iverson brackets, one joint cell at a time. */
    private static float[] literalG(NeighbourTable table, int lang, SparseCounts bow) {
        int v1 = table.vocabularySize(0);
        int other = 1 - lang;
        int ownOffset = lang == 0 ? 0 : v1;
        int otherOffset = lang == 0 ? v1 : 0;
        float[] g = new float[v1 + table.vocabularySize(1)];
        for (int j = 0; j < table.vocabularySize(lang); j++) {
            for (int i = 0; i < bow.nnz(); i++) {
                int w = bow.indexAt(i);
                g[ownOffset + j] += (j == w ? 1 : 0) + (contains(table.intra(lang, w), j) ? 1 : 0);
            }
        }
        for (int j = 0; j < table.vocabularySize(other); j++) {
            for (int i = 0; i < bow.nnz(); i++) {
                g[otherOffset + j] += contains(table.cross(lang, bow.indexAt(i)), j) ? 1 : 0;
            }
        }
        return g;
    }

    private static boolean contains(int[] row, int value) {
        for (int x : row) {
            if (x == value) {
                return true;
            }
        }
        return false;
    }

    /** Small vocabularies, rows of 0 to k distinct indices, self-listing allowed. */
    private static NeighbourTable randomTable(Random random) {
        int k = 1 + random.nextInt(4);
        int[] sizes = {1 + random.nextInt(12), 1 + random.nextInt(12)};
        LanguageNeighbours[] sides = new LanguageNeighbours[2];
        for (int l = 0; l < 2; l++) {
            int[][] intra = new int[sizes[l]][];
            int[][] cross = new int[sizes[l]][];
            for (int w = 0; w < sizes[l]; w++) {
                intra[w] = randomRow(random, k, sizes[l]);
                cross[w] = randomRow(random, k, sizes[1 - l]);
            }
            sides[l] = new LanguageNeighbours(l == 0 ? "en" : "ja", intra, cross);
        }
        return NeighbourTable.of(k, sides[0], sides[1]);
    }

    private static int[] randomRow(Random random, int k, int vocabularySize) {
        return random.ints(0, vocabularySize).distinct().limit(random.nextInt(Math.min(k, vocabularySize) + 1)).toArray();
    }

    private static SparseCounts randomBow(Random random, int vocabularySize) {
        int[] tokens = random.ints(random.nextInt(3 * vocabularySize), 0, vocabularySize).toArray();
        return SparseCounts.countOccurrences(vocabularySize, tokens, tokens.length);
    }
}
