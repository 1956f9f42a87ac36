package io.glostream.bench.segmentation;

import io.glostream.core.features.BagOfWords;
import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.core.vocab.Vocabulary;
import java.util.List;
import java.util.Objects;

/**
 * Compares training's and serving's view of pre-segmented documents of one language, with core's own
 * analyzers and bag of words: training reads the segmented text with the model's analyzer, serving reads
 * the {@link DespacedText de-spaced} text with the language's tokenizer. Thread-safe.
 */
public final class SegmentationComparison {

    private final TextAnalyzer training;
    private final TextAnalyzer serving;
    private final Vocabulary vocabulary;

    /**
     * @param training   the analyzer the model was trained with (usually pre-tokenized)
     * @param serving    the analyzer raw text gets: the same language, not pre-tokenized
     * @param vocabulary the model's vocabulary of that language
     */
    public SegmentationComparison(TextAnalyzer training, TextAnalyzer serving, Vocabulary vocabulary) {
        this.training = Objects.requireNonNull(training, "training");
        this.serving = Objects.requireNonNull(serving, "serving");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        if (!training.language().equals(serving.language())) {
            throw new IllegalArgumentException("training analyzes " + training.language() + " but serving analyzes "
                    + serving.language());
        }
        if (serving.settings().pretokenized()) {
            throw new IllegalArgumentException("the serving analyzer must segment raw text, not split on whitespace");
        }
    }

    /**
     * The settings serving uses for raw text of a model trained with {@code trainingSettings}: the same
     * filters, with the language's own tokenizer instead of whitespace splitting.
     */
    public static AnalyzerSettings servingSettingsFor(AnalyzerSettings trainingSettings) {
        return trainingSettings.withPretokenized(false);
    }

    public String language() {
        return training.language();
    }

    public AnalyzerSettings trainingSettings() {
        return training.settings();
    }

    public AnalyzerSettings servingSettings() {
        return serving.settings();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Both views of one document whose text is pre-segmented with whitespace. */
    public DocumentAgreement compare(String id, String segmentedText) {
        DespacedText despaced = DespacedText.of(segmentedText);
        List<String> trainingTokens = training.analyze(segmentedText);
        List<String> servingTokens = serving.analyze(despaced.text());
        return new DocumentAgreement(id, despaced, trainingTokens, BagOfWords.of(trainingTokens, vocabulary),
                servingTokens, BagOfWords.of(servingTokens, vocabulary),
                BagOfWords.of(training.analyze(despaced.text()), vocabulary));
    }
}
