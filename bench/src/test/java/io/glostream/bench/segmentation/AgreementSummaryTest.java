package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tiny corpus by hand (known / tokens per view):
 * <pre>
 *   document  training  serving  shared  recall  cosine  unsegmented
 *   quarter   4/4       4/5      3       3/4     3/4     0/1
 *   book      1/2       1/2      1       1       1       0/1
 *   unknown   0/1       0/1      -       -       -       0/1
 * </pre>
 */
class AgreementSummaryTest {

    private static TextAnalyzer training;
    private static TextAnalyzer serving;
    private static AgreementSummary summary;

    @BeforeAll
    static void summarise() {
        training = TinyCorpus.trainingAnalyzer();
        serving = TinyCorpus.servingAnalyzer();
        SegmentationComparison comparison = TinyCorpus.comparison(training, serving);
        summary = AgreementSummary.of(TinyCorpus.DOCUMENTS.stream()
                .map(doc -> comparison.compare(doc.id(), doc.text()))
                .toList());
    }

    @AfterAll
    static void close() {
        training.close();
        serving.close();
    }

    @Test
    void countsDocumentsAndThoseThatWereSegmented() {
        assertEquals(3, summary.documents());
        assertEquals(2, summary.segmentedDocuments()); // "书" has no space to remove
    }

    @Test
    void trainingCoverageTokenWeightedAndPerDocument() {
        AgreementSummary.Coverage c = summary.training();

        assertEquals(7, c.tokens());
        assertEquals(5, c.knownTokens());
        assertEquals(5.0 / 7.0, c.knownShare(), 1e-12);
        assertEquals(0.5, c.knownSharePerDocument().mean(), 1e-12); // (1 + 1/2 + 0) / 3
        assertEquals(0.1, c.knownSharePerDocument().p10(), 1e-12);
        assertEquals(0, c.documentsWithoutTokens());
    }

    @Test
    void servingCoverageTokenWeightedAndPerDocument() {
        AgreementSummary.Coverage c = summary.serving();

        assertEquals(8, c.tokens());
        assertEquals(5, c.knownTokens());
        assertEquals(5.0 / 8.0, c.knownShare(), 1e-12);
        assertEquals((0.8 + 0.5 + 0) / 3, c.knownSharePerDocument().mean(), 1e-12);
        assertEquals(0.5, c.knownSharePerDocument().median(), 1e-12);
    }

    @Test
    void unsegmentedCoverageIsNilHere() {
        assertEquals(3, summary.unsegmented().tokens());
        assertEquals(0, summary.unsegmented().knownTokens());
    }

    @Test
    void recallIsTakenOverDocumentsWithVocabularyWords() {
        assertEquals(2, summary.comparableDocuments());
        assertEquals(4, summary.sharedTokens());
        assertEquals(4.0 / 5.0, summary.recall(), 1e-12);
        assertEquals(0.875, summary.recallPerDocument().mean(), 1e-12); // (3/4 + 1) / 2
    }

    @Test
    void cosineDistributionOverDocumentsWithVocabularyWords() {
        Distribution cosine = summary.cosine();

        assertEquals(2, cosine.count());
        assertEquals(0.875, cosine.mean(), 1e-12);
        assertEquals(0.775, cosine.p10(), 1e-12); // 0.75 + 0.1 * (1 - 0.75)
        assertEquals(0.875, cosine.median(), 1e-12);
    }

    @Test
    void aViewWithoutAnyTokenHasNoPerDocumentShares() {
        AnalyzerSettings upToFour = TinyCorpus.TRAINING.withTokenLengths(1, 4);
        try (TextAnalyzer shortTraining = LanguageAnalyzers.create("zh", upToFour);
                TextAnalyzer shortServing = LanguageAnalyzers.create("zh", upToFour.withPretokenized(false))) {
            // "第三季度市场" is one whitespace-free token of 6 characters for the training analyzer: dropped
            AgreementSummary.Coverage unsegmented = AgreementSummary.of(List.of(
                    TinyCorpus.comparison(shortTraining, shortServing).compare("quarter", "第三 季度 市场")))
                    .unsegmented();

            assertEquals(new AgreementSummary.Coverage(0, 0, 0, null, 1), unsegmented);
            assertTrue(Double.isNaN(unsegmented.meanSharePerDocument()));
        }
    }

    @Test
    void refusesDocumentsWithoutAnyVocabularyWord() {
        SegmentationComparison comparison = TinyCorpus.comparison(training, serving);

        assertThrows(IllegalArgumentException.class,
                () -> AgreementSummary.of(List.of(comparison.compare("unknown", "书"))));
    }
}
