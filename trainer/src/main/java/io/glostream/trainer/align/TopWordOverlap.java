package io.glostream.trainer.align;

import java.util.List;

/**
 * How far each matched pair of an {@link Alignment} agrees on its top words; made by
 * {@link TopicAlignment#overlapOfTopWords}. Arrays are indexed by new id and copied out.
 */
public final class TopWordOverlap {

    private final Alignment alignment;
    private final List<String> languages;
    private final int n;
    private final double[][] perLanguage;
    private final double[] overlap;

    TopWordOverlap(Alignment alignment, List<String> languages, int n, double[][] perLanguage) {
        this.alignment = alignment;
        this.languages = List.copyOf(languages);
        this.n = n;
        this.perLanguage = new double[perLanguage.length][];
        this.overlap = new double[perLanguage.length];
        for (int id = 0; id < perLanguage.length; id++) {
            this.perLanguage[id] = perLanguage[id].clone();
            double sum = 0;
            for (double share : perLanguage[id]) {
                sum += share;
            }
            overlap[id] = sum / perLanguage[id].length;
        }
    }

    /** How many top words per language were compared. */
    public int n() {
        return n;
    }

    /** The languages, in the order of {@link #perLanguage}'s columns. */
    public List<String> languages() {
        return languages;
    }

    /**
     * Per new id and language, the share of the top words that the topic and its previous match have in
     * common: {@code |common| / max(|top previous|, |top new|)}, normally {@code |common| / n}; NaN for a topic
     * matched to none.
     */
    public double[][] perLanguage() {
        double[][] copy = new double[perLanguage.length][];
        for (int id = 0; id < perLanguage.length; id++) {
            copy[id] = perLanguage[id].clone();
        }
        return copy;
    }

    /** Per new id, the mean over languages of {@link #perLanguage}; NaN for a topic matched to none. */
    public double[] overlap() {
        return overlap.clone();
    }

    /**
     * The share of the previous model's topics that kept their id (matched to the new topic of the same id and
     * not flagged new) and whose top words overlap at least {@code threshold}.
     */
    public double stableShare(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie in [0, 1], got " + threshold);
        }
        int stable = 0;
        for (int id = 0; id < overlap.length; id++) {
            if (alignment.keptId(id) && overlap[id] >= threshold) {
                stable++;
            }
        }
        return (double) stable / alignment.numPreviousTopics();
    }
}
