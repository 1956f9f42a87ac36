package io.glostream.trainer.prepare;

/** Bounds for building each language's vocabulary from the training corpus. */
public record VocabularyOptions(int minDocFreq, double maxDocFreqRatio, int maxSize) {

    public static final VocabularyOptions DEFAULTS = new VocabularyOptions(2, 0.5, 10_000);

    public VocabularyOptions {
        if (minDocFreq < 1) {
            throw new IllegalArgumentException("minimum document frequency must be >= 1, got " + minDocFreq);
        }
        if (!(maxDocFreqRatio > 0 && maxDocFreqRatio <= 1)) {
            throw new IllegalArgumentException("maximum document frequency ratio must be in (0, 1], got "
                    + maxDocFreqRatio);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("vocabulary size cap must be >= 1, got " + maxSize);
        }
    }
}
