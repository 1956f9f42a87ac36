package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentationComparisonTest {

    private static TextAnalyzer training;
    private static TextAnalyzer serving;
    private static SegmentationComparison comparison;

    @BeforeAll
    static void open() {
        training = TinyCorpus.trainingAnalyzer();
        serving = TinyCorpus.servingAnalyzer();
        comparison = TinyCorpus.comparison(training, serving);
    }

    @AfterAll
    static void close() {
        training.close();
        serving.close();
    }

    @Test
    void trainingReadsTheSegmentationAndServingSegmentsTheDespacedText() {
        DocumentAgreement doc = comparison.compare("quarter", "第三 季度 搜索引擎 市场");

        assertEquals("第三季度搜索引擎市场", doc.despaced().text());
        assertEquals(List.of("第三", "季度", "搜索引擎", "市场"), doc.trainingTokens());
        assertEquals(List.of("第", "三", "季度", "搜索引擎", "市场"), doc.servingTokens());
    }

    @Test
    void countsBothViewsAgainstTheVocabulary() {
        DocumentAgreement doc = comparison.compare("quarter", "第三 季度 搜索引擎 市场");

        assertEquals(4, doc.training().tokens());
        assertEquals(4, doc.trainingKnownTokens());
        assertEquals(5, doc.serving().tokens());
        assertEquals(4, doc.servingKnownTokens()); // 第 is not a word of the vocabulary, 三 is
    }

    @Test
    void recallAndCosineCompareTheTwoBagsOfWords() {
        DocumentAgreement doc = comparison.compare("quarter", "第三 季度 搜索引擎 市场");

        assertEquals(3, doc.sharedTokens()); // 季度 搜索引擎 市场; serving has 三 instead of 第三
        assertEquals(0.75, doc.recall(), 1e-12);
        assertEquals(0.75, doc.cosine(), 1e-12); // 3 / (2 * 2)
    }

    @Test
    void unsegmentedViewIsTheDespacedTextThroughTheTrainingAnalyzer() {
        DocumentAgreement doc = comparison.compare("quarter", "第三 季度 搜索引擎 市场");

        assertEquals(1, doc.unsegmented().tokens()); // one whitespace-free "word"
        assertEquals(1, doc.unsegmented().oovTokens());
    }

    @Test
    void documentWithoutVocabularyWordsHasNoRecallOrCosine() {
        DocumentAgreement doc = comparison.compare("unknown", "书");

        assertFalse(doc.comparable());
        assertTrue(Double.isNaN(doc.recall()));
        assertTrue(Double.isNaN(doc.cosine()));
    }

    @Test
    void servingSettingsKeepTheFiltersAndSegment() {
        assertEquals(TinyCorpus.TRAINING.withPretokenized(false),
                SegmentationComparison.servingSettingsFor(TinyCorpus.TRAINING));
        assertFalse(serving.settings().pretokenized());
    }

    @Test
    void refusesAServingAnalyzerThatDoesNotSegment() {
        assertThrows(IllegalArgumentException.class, () -> TinyCorpus.comparison(training, training));
    }

    @Test
    void refusesAnalyzersOfDifferentLanguages() {
        try (TextAnalyzer english = LanguageAnalyzers.create("en")) {
            assertThrows(IllegalArgumentException.class, () -> TinyCorpus.comparison(training, english));
        }
    }
}
