package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import libsvm.svm;
import org.junit.jupiter.api.Test;

class SvmClassifierTest {

    @Test
    void linearlySeparableClustersArePredictedWithoutError() {
        float[][] train = {
            {0.90f, 0.10f}, {0.80f, 0.20f}, {0.85f, 0.15f}, {0.95f, 0.05f},
            {0.10f, 0.90f}, {0.20f, 0.80f}, {0.15f, 0.85f}, {0.05f, 0.95f}};
        int[] labels = {4, 4, 4, 4, 7, 7, 7, 7};
        float[][] test = {{0.88f, 0.12f}, {0.70f, 0.30f}, {0.12f, 0.88f}, {0.30f, 0.70f}};
        int[] truth = {4, 4, 7, 7};
        int[] predicted = SvmClassifier.train(train, labels).predict(test);
        assertEquals(1.0, ClassificationScore.accuracy(truth, predicted));
    }

    @Test
    void scaleGammaIsOneOverFeaturesTimesTheVarianceOfAllEntries() {
        // entries 1, 2, 3, 4: mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25; 1 / (2 * 1.25) = 0.4
        assertEquals(0.4, SvmClassifier.scaleGamma(new float[][] {{1, 2}, {3, 4}}), 1e-15);
    }

    @Test
    void scaleGammaOfAConstantMatrixIsOne() {
        assertEquals(1.0, SvmClassifier.scaleGamma(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}}));
    }

    @Test
    void trainingUsesScaleGamma() {
        float[][] train = {{1, 2}, {3, 4}, {2, 2}, {4, 1}};
        assertEquals(SvmClassifier.scaleGamma(train), SvmClassifier.train(train, new int[] {1, 1, 2, 2}).gamma());
    }

    /*
     * 60 training and 40 test rows of 5 theta-like features (rows sum to 1), 3 classes labelled 1..3 whose
     * first appearance order (2, 1, 3) is not their sorted order; labels follow the largest of the first 3
     * features, one in five redrawn at random. Rows come from the LCG below. The same generator in Python
     * (numpy 1.24.2, scikit-learn 1.2.1, Debian python3-sklearn) fed SVC() with its defaults, which printed
     * _gamma 15.229825990662933, n_support_ [18, 17, 20], these predictions and accuracy 0.8.
     */
    private static final int[] SKLEARN_PREDICTIONS = {
        1, 1, 1, 3, 1, 3, 1, 1, 3, 3, 1, 2, 3, 1, 2, 3, 3, 1, 3, 1,
        2, 3, 2, 2, 3, 3, 2, 2, 2, 1, 2, 1, 3, 3, 1, 3, 1, 2, 2, 1};

    @Test
    void predictionsMatchScikitLearnSvcOnARandomThetaLikeSet() {
        Lcg lcg = new Lcg(20240601L);
        Dataset train = Dataset.draw(lcg, 60, 5, 3);
        Dataset test = Dataset.draw(lcg, 40, 5, 3);
        assertEquals(2, train.labels[0]);
        SvmClassifier classifier = SvmClassifier.train(train.features, train.labels);
        assertEquals(15.229825990662933, classifier.gamma(), 1e-12);
        int[] predicted = classifier.predict(test.features);
        assertArrayEquals(SKLEARN_PREDICTIONS, predicted);
        assertEquals(0.8, ClassificationScore.accuracy(test.labels, predicted), 1e-15);
    }

    /*
     * Three classes met first in the order 3, 1, 2. At (0.7, -0.4) each class wins one of the three
     * one-vs-one votes: scikit-learn 1.2.1's SVC(decision_function_shape="ovo") gives decision values
     * (1 vs 2) +0.236, (1 vs 3) -0.217, (2 vs 3) +0.232 and predicts 1, the smallest label, because its
     * LIBSVM orders classes by value. Plain LIBSVM would order them 3, 1, 2 and answer 3.
     */
    @Test
    void aThreeWayVoteTieGoesToTheSmallestLabelAsInScikitLearn() {
        float[][] train = {
            {0.93f, 0.88f}, {0.15f, 0.32f}, {0.93f, 0.92f},
            {0.96f, 0.70f}, {0.71f, 0.25f}, {0.71f, 0.26f},
            {0.84f, 0.60f}, {0.28f, 0.15f}, {0.12f, 0.15f}};
        int[] labels = {3, 3, 3, 1, 1, 1, 2, 2, 2};
        assertArrayEquals(new int[] {1}, SvmClassifier.train(train, labels).predict(new float[][] {{0.7f, -0.4f}}));
    }

    @Test
    void predictionsEqualLibsvmsOwnPredictRowForRow() {
        Lcg lcg = new Lcg(11L);
        Dataset train = Dataset.draw(lcg, 300, 10, 5);
        Dataset test = Dataset.draw(lcg, 300, 10, 5);
        SvmClassifier classifier = SvmClassifier.train(train.features, train.labels);
        int[] libsvm = new int[test.features.length];
        for (int i = 0; i < libsvm.length; i++) {
            int rank = (int) svm.svm_predict(classifier.libsvmModel(), SvmClassifier.nodes(test.features[i]));
            libsvm[i] = classifier.classes()[rank];
        }
        assertArrayEquals(libsvm, classifier.predict(test.features));
    }

    @Test
    void trainingTwiceGivesTheSamePredictions() {
        Lcg lcg = new Lcg(7L);
        Dataset train = Dataset.draw(lcg, 80, 6, 4);
        Dataset test = Dataset.draw(lcg, 50, 6, 4);
        int[] first = SvmClassifier.train(train.features, train.labels).predict(test.features);
        int[] second = SvmClassifier.train(train.features, train.labels).predict(test.features);
        assertArrayEquals(first, second);
    }

    @Test
    void classesAreTheSortedDistinctLabels() {
        float[][] train = {{1, 0}, {0, 1}, {1, 1}};
        assertArrayEquals(new int[] {2, 5, 9}, SvmClassifier.train(train, new int[] {9, 2, 5}).classes());
    }

    @Test
    void aSingleClassIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SvmClassifier.train(new float[][] {{1, 0}, {0, 1}}, new int[] {3, 3}));
    }

    @Test
    void raggedOrNonFiniteRowsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SvmClassifier.train(new float[][] {{1, 0}, {0}}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> SvmClassifier.train(new float[][] {{1, 0}, {0, Float.NaN}}, new int[] {1, 2}));
    }

    @Test
    void predictingRowsOfAnotherWidthIsRefused() {
        SvmClassifier classifier = SvmClassifier.train(new float[][] {{1, 0}, {0, 1}}, new int[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> classifier.predict(new float[][] {{1, 0, 0}}));
    }

    /** 64-bit LCG (Knuth's MMIX constants); Python reproduces it with {@code & (2**64 - 1)}. */
    private static final class Lcg {
        private long state;

        Lcg(long seed) {
            state = seed;
        }

        long next() {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return state >>> 33;
        }

        double unit() {
            return (next() % 10000) / 10000.0;
        }
    }

    private record Dataset(float[][] features, int[] labels) {

        static Dataset draw(Lcg lcg, int rows, int dims, int classes) {
            float[][] features = new float[rows][dims];
            int[] labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                double[] raw = new double[dims];
                double sum = 0;
                for (int j = 0; j < dims; j++) {
                    raw[j] = lcg.unit() + 1e-3;
                    sum += raw[j];
                }
                int best = 0;
                for (int j = 0; j < dims; j++) {
                    features[i][j] = (float) (raw[j] / sum);
                    if (j < classes && raw[j] > raw[best]) {
                        best = j;
                    }
                }
                labels[i] = best + 1;
                if (lcg.next() % 5 == 0) {
                    labels[i] = (int) (lcg.next() % classes) + 1;
                }
            }
            return new Dataset(features, labels);
        }
    }
}
