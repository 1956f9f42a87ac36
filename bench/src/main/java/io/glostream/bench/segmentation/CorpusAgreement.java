package io.glostream.bench.segmentation;

import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.corpus.RawDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The segmentation agreement of one corpus: the summary figures, the word census and the documents on
 * which the two views disagree most.
 *
 * @param name             what the corpus is called in reports
 * @param source           where its documents and vocabulary came from
 * @param language         the language compared
 * @param vocabularySize   words in the model's vocabulary of that language
 * @param trainingAnalyzer the settings training analysed with
 * @param servingAnalyzer  the settings serving analyses raw text with
 * @param summary          the agreement figures
 * @param census           what serving made of each training word
 * @param unknownServingTokens serving's most frequent tokens that are not in the vocabulary, as many as
 *                         the census lists words per outcome
 * @param worstDocuments   the documents with the lowest cosine among those with at least
 *                         {@value #EXAMPLE_MIN_TOKENS} in-vocabulary training tokens
 */
public record CorpusAgreement(String name, String source, String language, int vocabularySize,
                              AnalyzerSettings trainingAnalyzer, AnalyzerSettings servingAnalyzer,
                              AgreementSummary summary, WordCensus.Report census,
                              List<TokenCount> unknownServingTokens, List<Example> worstDocuments) {

    /** Shortest document, in in-vocabulary training tokens, shown as an example: shorter ones say little. */
    public static final int EXAMPLE_MIN_TOKENS = 5;

    /**
     * One document seen both ways.
     *
     * @param servingUnknown serving's tokens that are not in the vocabulary, in order
     */
    public record Example(String id, double cosine, double recall, List<String> trainingTokens,
                          List<String> servingTokens, List<String> servingUnknown) {
    }

    /** A token and how often it occurred. */
    public record TokenCount(String token, long count) {
    }

    /**
     * Compares every document of {@code documents}, whose texts are pre-segmented with whitespace.
     *
     * @param examples how many of the most disagreeing documents to keep
     * @param topWords how many words to list per census outcome, and unknown serving tokens
     */
    public static CorpusAgreement measure(String name, String source, SegmentationComparison comparison,
            List<RawDocument> documents, int examples, int topWords) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException(name + ": no documents");
        }
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be >= 0, got " + examples);
        }
        Vocabulary vocabulary = comparison.vocabulary();
        WordCensus census = new WordCensus(vocabulary);
        List<DocumentAgreement> compared = new ArrayList<>(documents.size());
        Map<String, Long> unknown = new HashMap<>();
        for (RawDocument doc : documents) {
            DocumentAgreement agreement = comparison.compare(doc.id(), doc.text());
            census.add(agreement.despaced(), agreement.servingTokens());
            for (String token : agreement.servingTokens()) {
                if (!vocabulary.contains(token)) {
                    unknown.merge(token, 1L, Long::sum);
                }
            }
            compared.add(agreement);
        }
        List<TokenCount> commonUnknown = unknown.entrySet().stream()
                .map(e -> new TokenCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(TokenCount::count).reversed().thenComparing(TokenCount::token))
                .limit(topWords)
                .toList();
        List<Example> worst = compared.stream()
                .filter(doc -> doc.trainingKnownTokens() >= EXAMPLE_MIN_TOKENS)
                .sorted(Comparator.comparingDouble(DocumentAgreement::cosine).thenComparing(DocumentAgreement::id))
                .limit(examples)
                .map(doc -> new Example(doc.id(), doc.cosine(), doc.recall(), doc.trainingTokens(), doc.servingTokens(),
                        doc.servingTokens().stream().filter(t -> !vocabulary.contains(t)).toList()))
                .toList();
        return new CorpusAgreement(name, source, comparison.language(), vocabulary.size(),
                comparison.trainingSettings(), comparison.servingSettings(), AgreementSummary.of(compared),
                census.report(topWords), commonUnknown, worst);
    }
}
