package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.text.TextAnalyzer;
import io.glostream.trainer.corpus.RawDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorpusAgreementTest {

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

    private static List<RawDocument> withLongerDocuments() {
        List<RawDocument> docs = new ArrayList<>(TinyCorpus.DOCUMENTS);
        // serving: 第 三 季度 搜索引擎 市场 好看, cosine 4 / (sqrt 5 * sqrt 5)
        docs.add(new RawDocument("quarter-long", "zh", "第三 季度 搜索引擎 市场 好看", OptionalInt.empty()));
        // serving: the same five words
        docs.add(new RawDocument("agreeing", "zh", "季度 搜索引擎 市场 好看 季度", OptionalInt.empty()));
        return docs;
    }

    @Test
    void recordsWhatWasComparedAndHow() {
        CorpusAgreement corpus = CorpusAgreement.measure("tiny", "hand-made", comparison, TinyCorpus.DOCUMENTS, 5, 5);

        assertEquals("zh", corpus.language());
        assertEquals(6, corpus.vocabularySize());
        assertEquals(TinyCorpus.TRAINING, corpus.trainingAnalyzer());
        assertEquals(TinyCorpus.TRAINING.withPretokenized(false), corpus.servingAnalyzer());
        assertEquals(3, corpus.summary().documents());
        assertEquals(5, corpus.census().words()); // 第三 季度 搜索引擎 市场 好看
        assertEquals(4, corpus.census().outcomes().get(WordCensus.Outcome.SAME));
    }

    @Test
    void worstDocumentsHaveTheLowestCosineAmongDocumentsWithEnoughWords() {
        CorpusAgreement corpus = CorpusAgreement.measure("tiny", "hand-made", comparison, withLongerDocuments(), 5, 5);

        assertEquals(List.of("quarter-long", "agreeing"),
                corpus.worstDocuments().stream().map(CorpusAgreement.Example::id).toList());
        CorpusAgreement.Example worst = corpus.worstDocuments().get(0);
        assertEquals(0.8, worst.cosine(), 1e-12);
        assertEquals(0.8, worst.recall(), 1e-12);
        assertEquals(List.of("第", "三", "季度", "搜索引擎", "市场", "好看"), worst.servingTokens());
        assertEquals(List.of("第"), worst.servingUnknown());
        assertEquals(1.0, corpus.worstDocuments().get(1).cosine(), 1e-12);
    }

    @Test
    void listsServingsUnknownTokensByFrequency() {
        CorpusAgreement corpus = CorpusAgreement.measure("tiny", "hand-made", comparison, TinyCorpus.DOCUMENTS, 5, 5);

        assertEquals(List.of(new CorpusAgreement.TokenCount("书", 2), new CorpusAgreement.TokenCount("第", 1)),
                corpus.unknownServingTokens());
        assertEquals(List.of(new CorpusAgreement.TokenCount("书", 2)),
                CorpusAgreement.measure("tiny", "hand-made", comparison, TinyCorpus.DOCUMENTS, 5, 1)
                        .unknownServingTokens());
    }

    @Test
    void examplesAreCutToTheLimit() {
        CorpusAgreement corpus = CorpusAgreement.measure("tiny", "hand-made", comparison, withLongerDocuments(), 1, 5);

        assertEquals(1, corpus.worstDocuments().size());
    }

    @Test
    void refusesAnEmptyCorpus() {
        assertThrows(IllegalArgumentException.class,
                () -> CorpusAgreement.measure("tiny", "hand-made", comparison, List.of(), 5, 5));
    }
}
