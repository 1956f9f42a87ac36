package io.glostream.trainer.eval;

import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy and macro-F1 of predicted labels against true labels, as scikit-learn's
 * {@code accuracy_score} and {@code f1_score(average="macro", zero_division=0)} compute them.
 *
 * @param acc share of documents whose predicted label is the true one
 * @param f1  mean over the labels present in the true or the predicted labels (their union) of
 *            {@code F1(c) = 2 tp_c / (2 tp_c + fp_c + fn_c)}; a label that is only ever predicted,
 *            never true, scores 0 and still counts in the mean
 */
public record ClassificationScore(double acc, double f1) {

    /** Scores {@code predicted} against {@code truth}, position by position. */
    public static ClassificationScore of(int[] truth, int[] predicted) {
        return new ClassificationScore(accuracy(truth, predicted), macroF1(truth, predicted));
    }

    /** Share of positions where the labels agree. */
    public static double accuracy(int[] truth, int[] predicted) {
        check(truth, predicted);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /** Unweighted mean of the per-label F1 over the union of true and predicted labels. */
    public static double macroF1(int[] truth, int[] predicted) {
        check(truth, predicted);
        Map<Integer, LabelCounts> perLabel = new TreeMap<>();
        for (int i = 0; i < truth.length; i++) {
            LabelCounts trueLabel = perLabel.computeIfAbsent(truth[i], label -> new LabelCounts());
            LabelCounts predictedLabel = perLabel.computeIfAbsent(predicted[i], label -> new LabelCounts());
            if (truth[i] == predicted[i]) {
                trueLabel.truePositives++;
            } else {
                predictedLabel.falsePositives++;
                trueLabel.falseNegatives++;
            }
        }
        double sum = 0;
        for (LabelCounts c : perLabel.values()) {
            sum += 2.0 * c.truePositives / (2.0 * c.truePositives + c.falsePositives + c.falseNegatives);
        }
        return sum / perLabel.size();
    }

    private static void check(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no labels to score");
        }
    }

    private static final class LabelCounts {
        int truePositives;
        int falsePositives;
        int falseNegatives;
    }
}
