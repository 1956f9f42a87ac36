package io.glostream.trainer.align;

import static io.glostream.trainer.align.SyntheticTopics.PEAK_WORDS;
import static io.glostream.trainer.align.SyntheticTopics.model;
import static io.glostream.trainer.align.SyntheticTopics.peakedTopics;
import static io.glostream.trainer.align.SyntheticTopics.range;
import static io.glostream.trainer.align.SyntheticTopics.rowsInOrder;
import static io.glostream.trainer.align.SyntheticTopics.withNoise;
import static io.glostream.trainer.align.SyntheticTopics.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopWordOverlapTest {

    private static final List<String> EN = words("en", 400);
    private static final List<String> ZH = words("zh", 300);
    private static final float[][] PREVIOUS_WEIGHTS = peakedTopics(range(8), EN, ZH, 1);
    private static final TopicWordMatrix PREVIOUS = model(EN, ZH, PREVIOUS_WEIGHTS);

    @Test
    void sharedTopWordsAreCountedPerLanguageAndAveraged() {
        // en: previous top 3 {a, b, c}, current top 3 {a, b, d} -> 2/3; zh: the same top 3 -> 1; mean 5/6.
        List<List<String>> vocabularies = List.of(List.of("a", "b", "c", "d", "e"), List.of("x", "y", "z", "w"));
        TopicWordMatrix previous = new TopicWordMatrix(List.of("en", "zh"), vocabularies,
                new float[][] {{5, 4, 3, 0, 0, 3, 2, 1, 0}});
        TopicWordMatrix current = new TopicWordMatrix(List.of("en", "zh"), vocabularies,
                new float[][] {{5, 4, 0, 3, 0, 1, 2, 3, 0}});
        Alignment alignment = TopicAlignment.align(previous, current);

        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(alignment, previous, current, 3);

        assertArrayEquals(new double[] {2.0 / 3, 1.0}, overlap.perLanguage()[0], 1e-12);
        assertEquals(5.0 / 6, overlap.overlap()[0], 1e-12);
    }

    @Test
    void shuffledIdenticalTopicsOverlapCompletelyAndAllAreStable() {
        TopicWordMatrix current = model(EN, ZH, rowsInOrder(PREVIOUS_WEIGHTS, new int[] {5, 2, 7, 0, 3, 6, 1, 4}));
        Alignment alignment = TopicAlignment.align(PREVIOUS, current);

        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(alignment, PREVIOUS, current, PEAK_WORDS);

        for (double share : overlap.overlap()) {
            assertEquals(1.0, share, 0);
        }
        assertEquals(1.0, overlap.stableShare(1.0), 0);
    }

    @Test
    void unmatchedTopicsHaveNoOverlap() {
        TopicWordMatrix current = model(EN, ZH, peakedTopics(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 9}, EN, ZH, 2));
        Alignment alignment = TopicAlignment.align(PREVIOUS, current);

        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(alignment, PREVIOUS, current, PEAK_WORDS);

        assertTrue(Double.isNaN(overlap.overlap()[8]));
        assertTrue(Double.isNaN(overlap.perLanguage()[8][1]));
        assertEquals(1.0, overlap.stableShare(1.0), 0);
    }

    @Test
    void stableShareCountsOnlyPreviousTopicsThatKeptTheirId() {
        // Current keeps previous topics 7, 0, 2 of 8: ids 0 and 2 are kept, 7 moves to id 1. 2 of 8 are stable.
        TopicWordMatrix current = model(EN, ZH, rowsInOrder(PREVIOUS_WEIGHTS, new int[] {7, 0, 2}));
        Alignment alignment = TopicAlignment.align(PREVIOUS, current);

        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(alignment, PREVIOUS, current, PEAK_WORDS);

        assertEquals(1.0, overlap.overlap()[1], 0);
        assertEquals(0.25, overlap.stableShare(0.5), 0);
    }

    @Test
    void aTopicFlaggedNewIsNotStableEvenWithItsOldId() {
        // Current topic 3 is unseen and is paired with the leftover previous topic 0 below the threshold.
        int[] topics = {5, 2, 7, 12, 3, 6, 1, 4};
        TopicWordMatrix current = model(EN, ZH, peakedTopics(topics, EN, ZH, 5));
        Alignment alignment = TopicAlignment.align(PREVIOUS, current);

        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(alignment, PREVIOUS, current, PEAK_WORDS);

        assertEquals(7.0 / 8, overlap.stableShare(0.0), 0);
    }

    @Test
    void stableShareComparesTheMeanOverlapOverLanguagesWithTheThreshold() {
        // The pair of the first test: overlap 2/3 in en and 1 in zh, mean 5/6.
        List<List<String>> vocabularies = List.of(List.of("a", "b", "c", "d", "e"), List.of("x", "y", "z", "w"));
        TopicWordMatrix previous = new TopicWordMatrix(List.of("en", "zh"), vocabularies,
                new float[][] {{5, 4, 3, 0, 0, 3, 2, 1, 0}});
        TopicWordMatrix current = new TopicWordMatrix(List.of("en", "zh"), vocabularies,
                new float[][] {{5, 4, 0, 3, 0, 1, 2, 3, 0}});
        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(TopicAlignment.align(previous, current), previous,
                current, 3);

        assertEquals(1.0, overlap.stableShare(0.8), 0);
        assertEquals(0.0, overlap.stableShare(0.9), 0);
    }

    @Test
    void aNoisyRetrainOfTwentyTopicsKeepsAtLeastNinetyPercentOnTheirIds() {
        List<String> en = words("en", 300);
        List<String> zh = words("zh", 250);
        float[][] before = peakedTopics(range(20), en, zh, 10);
        int[] shuffle = {13, 4, 19, 0, 8, 15, 2, 11, 6, 17, 1, 9, 14, 3, 18, 7, 12, 5, 16, 10};
        float[][] after = withNoise(peakedTopics(shuffle, en, zh, 11), 0.5, 12);
        TopicWordMatrix previous = model(en, zh, before);
        TopicWordMatrix current = model(en, zh, after);

        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(TopicAlignment.align(previous, current), previous,
                current, PEAK_WORDS);

        assertTrue(overlap.stableShare(0.5) >= 0.9, "stable share " + overlap.stableShare(0.5));
    }

    @Test
    void anAlignmentOfOtherModelsIsRefused() {
        TopicWordMatrix current = model(EN, ZH, rowsInOrder(PREVIOUS_WEIGHTS, new int[] {7, 0, 2}));
        Alignment alignment = TopicAlignment.align(PREVIOUS, current);
        assertThrows(IllegalArgumentException.class,
                () -> TopicAlignment.overlapOfTopWords(alignment, PREVIOUS, PREVIOUS, PEAK_WORDS));
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        Alignment alignment = TopicAlignment.align(PREVIOUS, PREVIOUS);
        TopWordOverlap overlap = TopicAlignment.overlapOfTopWords(alignment, PREVIOUS, PREVIOUS, 3);
        assertThrows(IllegalArgumentException.class, () -> overlap.stableShare(1.5));
    }
}
