package io.glostream.bench.segmentation;

import io.glostream.core.features.BagOfWords;
import java.util.List;
import java.util.Objects;

/**
 * One document seen both ways: as training saw it (its segmented text through the model's analyzer) and as
 * serving sees it (the same text without the spaces, through the language's own tokenizer).
 *
 * @param id             the document's id
 * @param despaced       the text as it would arrive raw, with the training words' spans
 * @param trainingTokens the training analyzer's tokens of the segmented text
 * @param training       their bag of words over the model's vocabulary
 * @param servingTokens  the serving analyzer's tokens of the de-spaced text
 * @param serving        their bag of words
 * @param unsegmented    the training analyzer's bag of words of the de-spaced text: what a model that
 *                       records pre-segmented input makes of raw text when served as recorded
 */
public record DocumentAgreement(String id, DespacedText despaced, List<String> trainingTokens, BagOfWords training,
                                List<String> servingTokens, BagOfWords serving, BagOfWords unsegmented) {

    public DocumentAgreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(despaced, "despaced");
        trainingTokens = List.copyOf(trainingTokens);
        servingTokens = List.copyOf(servingTokens);
        if (training.counts().dimension() != serving.counts().dimension()
                || training.counts().dimension() != unsegmented.counts().dimension()) {
            throw new IllegalArgumentException("bags of words over different vocabularies");
        }
    }

    /** In-vocabulary tokens of the training view. */
    public long trainingKnownTokens() {
        return training.tokens() - training.oovTokens();
    }

    /** In-vocabulary tokens of the serving view. */
    public long servingKnownTokens() {
        return serving.tokens() - serving.oovTokens();
    }

    /** In-vocabulary training tokens that serving produces too, counted as a multiset. */
    public long sharedTokens() {
        return BagOverlap.sharedCount(training.counts(), serving.counts());
    }

    /** True when training saw at least one vocabulary word, so that recall and cosine are defined. */
    public boolean comparable() {
        return trainingKnownTokens() > 0;
    }

    /** Share of the in-vocabulary training tokens that serving produces too; NaN unless {@link #comparable}. */
    public double recall() {
        return comparable() ? (double) sharedTokens() / trainingKnownTokens() : Double.NaN;
    }

    /** Cosine of the two bags of words (0 when serving knows no word); NaN unless {@link #comparable}. */
    public double cosine() {
        return comparable() ? BagOverlap.cosine(training.counts(), serving.counts()) : Double.NaN;
    }
}
