package io.glostream.trainer.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicWordMatrixTest {

    private static final List<String> LANGUAGES = List.of("en", "zh");
    private static final List<List<String>> VOCABULARIES = List.of(List.of("a", "b"), List.of("x", "y", "z"));

    @Test
    void eachLanguageBlockIsItsOwnSoftmax() {
        // en block (0, ln 3) -> (1/4, 3/4); zh block (ln 2, 0, 0) -> (1/2, 1/4, 1/4).
        float ln3 = (float) Math.log(3);
        float ln2 = (float) Math.log(2);
        TopicWordMatrix matrix = new TopicWordMatrix(LANGUAGES, VOCABULARIES, new float[][] {{0, ln3, ln2, 0, 0}});
        assertArrayEquals(new double[] {0.25, 0.75}, matrix.distribution(0, 0), 1e-7);
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, matrix.distribution(0, 1), 1e-7);
    }

    @Test
    void rowMajorWeightsAreSplitIntoOneRowPerTopic() {
        float[] rowMajor = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        TopicWordMatrix matrix = TopicWordMatrix.fromRowMajor(LANGUAGES, VOCABULARIES, rowMajor);
        assertEquals(2, matrix.numTopics());
        assertArrayEquals(new float[] {6, 7, 8, 9, 10}, matrix.weights()[1]);
    }

    @Test
    void rowMajorWeightsThatDoNotFillWholeRowsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TopicWordMatrix.fromRowMajor(LANGUAGES, VOCABULARIES, new float[7]));
    }

    @Test
    void topWordsComeBestFirstWithTiesToTheLowerIndex() {
        TopicWordMatrix matrix = new TopicWordMatrix(LANGUAGES, VOCABULARIES, new float[][] {{0, 0, 1, 3, 1}});
        assertEquals(List.of("y", "x"), matrix.topWords(0, 1, 2));
        assertEquals(List.of("a", "b"), matrix.topWords(0, 0, 5));
    }

    @Test
    void weightsAreCopiedIn() {
        float[][] weights = {{1, 2, 3, 4, 5}};
        TopicWordMatrix matrix = new TopicWordMatrix(LANGUAGES, VOCABULARIES, weights);
        weights[0][0] = 99;
        assertEquals(1f, matrix.weights()[0][0]);
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TopicWordMatrix(LANGUAGES, VOCABULARIES, new float[][] {{1, 2, 3, 4}}));
    }

    @Test
    void aWordListedTwiceInOneVocabularyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TopicWordMatrix(LANGUAGES,
                List.of(List.of("a", "a"), List.of("x", "y", "z")), new float[][] {{1, 2, 3, 4, 5}}));
    }

    @Test
    void aVocabularyMissingForALanguageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TopicWordMatrix(LANGUAGES,
                List.of(List.of("a", "b")), new float[][] {{1, 2}}));
    }

    @Test
    void nonFiniteWeightsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TopicWordMatrix(LANGUAGES, VOCABULARIES,
                new float[][] {{1, Float.NaN, 3, 4, 5}}));
    }
}
