package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassificationScoreTest {

    private static final double EPS = 1e-12;

    /*
     * Label 6 is predicted once but never true (as EC News test-zh lacks label 6 while an English-trained
     * classifier can predict it). Labels scored: the union {1, 2, 3, 6}.
     *   truth     1 1 2 2 3 3
     *   predicted 1 2 2 2 3 6
     *   label 1: tp 1, fp 0, fn 1 -> F1 = 2/(2+0+1) = 2/3
     *   label 2: tp 2, fp 1, fn 0 -> F1 = 4/(4+1+0) = 4/5
     *   label 3: tp 1, fp 0, fn 1 -> F1 = 2/3
     *   label 6: tp 0, fp 1, fn 0 -> F1 = 0
     *   macro-F1 = (2/3 + 4/5 + 2/3 + 0) / 4 = 8/15; accuracy 4/6.
     * scikit-learn 1.2.1 f1_score(average="macro", zero_division=0) gives 0.5333333333333333.
     */
    private static final int[] TRUTH = {1, 1, 2, 2, 3, 3};
    private static final int[] PREDICTED = {1, 2, 2, 2, 3, 6};

    @Test
    void macroF1AveragesOverTrueAndPredictedLabelsIncludingOnlyPredictedOnes() {
        assertEquals(8.0 / 15, ClassificationScore.macroF1(TRUTH, PREDICTED), EPS);
    }

    @Test
    void accuracyIsTheShareOfMatchingLabels() {
        assertEquals(4.0 / 6, ClassificationScore.accuracy(TRUTH, PREDICTED), EPS);
    }

    @Test
    void aTrueLabelNeverPredictedScoresZeroInTheMean() {
        // label 1: tp 0, fn 2 -> 0; label 2: tp 2, fp 2 -> 4/6; mean 1/3
        assertEquals(1.0 / 3, ClassificationScore.macroF1(new int[] {1, 1, 2, 2}, new int[] {2, 2, 2, 2}), EPS);
    }

    @Test
    void perfectPredictionsScoreOne() {
        ClassificationScore score = ClassificationScore.of(TRUTH, TRUTH);
        assertEquals(new ClassificationScore(1.0, 1.0), score);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationScore.of(new int[] {1, 2}, new int[] {1}));
    }
}
