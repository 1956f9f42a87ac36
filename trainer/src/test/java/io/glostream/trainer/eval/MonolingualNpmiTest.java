package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.features.SparseCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonolingualNpmiTest {

    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /*
     * Vocabulary of 5 ids, 4 documents (W = 4); repeated ids count once, only presence matters:
     *   d0 {0, 0, 1}   d1 {0, 1, 2}   d2 {2, 3}   d3 {0, 3}
     * Documents holding each id: 0 -> 3, 1 -> 2, 2 -> 2, 3 -> 2, 4 -> 0.
     */
    private static final List<SparseCounts> DOCS = List.of(
            bag(0, 0, 1), bag(0, 1, 2), bag(2, 3), bag(0, 3));

    /*
     * Topic 0 = [0, 1, 2], its 3 pairs:
     *   (0,1) c12 2 (d0, d1): log10(2*4/(3*2)) / -log10(2/4) = log2(4/3) = 2 - log2 3
     *   (0,2) c12 1 (d1):     log10(4/(3*2))   / -log10(1/4) = log10(2/3) / log10(4) = (1 - log2 3) / 2
     *   (1,2) c12 1 (d1):     log10(4/(2*2))   / log10(4)    = 0
     *   mean (2.5 - 1.5 log2 3) / 3 = 0.040852...
     * Topic 1 = [3, 4]: id 4 is in no document, so its one pair scores 0.
     * Corpus score: mean of the topics = (2.5 - 1.5 log2 3) / 6.
     */
    private static final int[][] TOPICS = {{0, 1, 2}, {3, 4}};

    @Test
    void perTopicScoresMatchTheHandComputedPairs() {
        assertArrayEquals(new double[] {(2.5 - 1.5 * LOG2_3) / 3, 0.0}, MonolingualNpmi.perTopic(TOPICS, DOCS), EPS);
    }

    @Test
    void corpusScoreIsTheMeanOverTopics() {
        assertEquals((2.5 - 1.5 * LOG2_3) / 6, MonolingualNpmi.of(TOPICS, DOCS), EPS);
    }

    @Test
    void aPairInEveryDocumentFails() {
        List<SparseCounts> docs = List.of(bag(0, 1), bag(0, 1, 2));
        assertThrows(ArithmeticException.class, () -> MonolingualNpmi.of(new int[][] {{0, 1}}, docs));
    }

    @Test
    void aTopicWithOneWordHasNoPairsAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MonolingualNpmi.of(new int[][] {{0}}, DOCS));
    }

    @Test
    void wordIdsOutsideTheVocabularyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MonolingualNpmi.of(new int[][] {{0, 5}}, DOCS));
    }

    private static SparseCounts bag(int... ids) {
        return SparseCounts.countOccurrences(5, ids, ids.length);
    }
}
