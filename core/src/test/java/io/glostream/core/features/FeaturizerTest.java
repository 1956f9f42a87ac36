package io.glostream.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.neighbours.LanguageNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.UnsupportedLanguageException;
import io.glostream.core.vocab.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturizerTest {

    // en: 0 football, 1 goal, 2 match      zh: 0 足球, 1 比赛, 2 球门
    private static final Vocabulary EN = Vocabulary.of(List.of("football", "goal", "match"));
    private static final Vocabulary ZH = Vocabulary.of(List.of("足球", "比赛", "球门"));
    private static final NeighbourTable TABLE = NeighbourTable.of(1,
            new LanguageNeighbours("en", new int[][] {{2}, {0}, {0}}, new int[][] {{0}, {2}, {1}}),
            new LanguageNeighbours("zh", new int[][] {{2}, {0}, {0}}, new int[][] {{0}, {2}, {1}}));

    private final Featurizer featurizer = new Featurizer(
            List.of(LanguageAnalyzers.create("en"), LanguageAnalyzers.create("zh")), List.of(EN, ZH), TABLE);

    @Test
    void analysesCountsAndAugmentsAnEnglishDocument() {
        Features f = featurizer.featurize("en", "The football match: football, football and a GOAL! Referee.");

        assertEquals("en", f.lang());
        assertEquals(0, f.languageIndex());
        // tokens after stop words: football match football football goal referee
        assertEquals(6, f.bow().tokens());
        assertEquals(1, f.bow().oovTokens());
        assertArrayEquals(new float[] {3, 1, 1}, f.bow().counts().toDense());
        // active words football, goal, match each count once (presence), plus their intra neighbours
        // (football->match, goal->football, match->football) in the en block and cross neighbours
        // (football->足球, goal->球门, match->比赛) in the zh block:
        // en: football 1+1+1 = 3, goal 1, match 1+1 = 2; zh: 足球 1, 比赛 1, 球门 1
        assertArrayEquals(new float[] {3, 1, 2, 1, 1, 1}, f.global().toDense());
    }

    @Test
    void placesAChineseDocumentInTheSecondBlockAndAcceptsTheCnAlias() {
        Features f = featurizer.featurize("cn", "足球比赛");

        assertEquals("zh", f.lang());
        assertEquals(1, f.languageIndex());
        assertArrayEquals(new float[] {1, 1, 0}, f.bow().counts().toDense());
        // 足球: itself + intra 球门 + cross football; 比赛: itself + intra 足球 + cross match
        assertArrayEquals(new float[] {1, 0, 1, 2, 1, 1}, f.global().toDense());
        assertEquals(6, featurizer.globalDimension());
    }

    @Test
    void aDocumentOfUnknownWordsHasAnEmptyGlobalInput() {
        Features f = featurizer.featurize("en", "referee whistle");
        assertEquals(2, f.bow().oovTokens());
        assertEquals(1.0, f.bow().oovRate());
        assertEquals(0, f.global().nnz());
    }

    @Test
    void refusesALanguageTheModelDoesNotKnow() {
        UnsupportedLanguageException e = assertThrows(UnsupportedLanguageException.class,
                () -> featurizer.featurize("ja", "サッカー"));
        assertEquals("unsupported language \"ja\"; supported: en, zh", e.getMessage());
        assertThrows(UnsupportedLanguageException.class, () -> featurizer.languageIndex("klingon"));
    }

    @Test
    void refusesComponentsThatDoNotFitTogether() {
        assertThrows(IllegalArgumentException.class, () -> new Featurizer(
                List.of(LanguageAnalyzers.create("zh"), LanguageAnalyzers.create("en")), List.of(EN, ZH), TABLE));
        assertThrows(IllegalArgumentException.class, () -> new Featurizer(
                List.of(LanguageAnalyzers.create("en"), LanguageAnalyzers.create("zh")),
                List.of(EN, Vocabulary.of(List.of("足球"))), TABLE));
    }

    @Test
    void aPretokenizedModelKeepsKnownChunksAndResegmentsRawText() {
        AnalyzerSettings pre = AnalyzerSettings.defaultsFor("zh").withPretokenized(true);
        Vocabulary zh = Vocabulary.of(List.of("中国", "股市", "下跌", "搜索引擎"));
        NeighbourTable table = NeighbourTable.of(1,
                new LanguageNeighbours("en", new int[][] {{0}, {0}, {0}}, new int[][] {{0}, {1}, {2}}),
                new LanguageNeighbours("zh", new int[][] {{0}, {1}, {2}, {3}}, new int[][] {{0}, {1}, {2}, {0}}));
        try (Featurizer pretokenized = new Featurizer(List.of(
                LanguageAnalyzers.create("en", AnalyzerSettings.defaultsFor("en").withPretokenized(true)),
                LanguageAnalyzers.create("zh", pre)), List.of(EN, zh), table)) {
            // pre-segmented text: every chunk as training saw it, even one SmartCN would split (搜索引擎)
            assertEquals(List.of("中国", "搜索引擎", "股市", "下跌"), pretokenized.tokens(1, "中国 搜索引擎 股市 下跌"));
            // raw text: the unknown chunk is segmented by SmartCN
            assertEquals(List.of("中国", "股市", "下跌"), pretokenized.tokens(1, "中国股市下跌"));
            Features f = pretokenized.featurize("zh", "中国股市下跌");
            assertArrayEquals(new float[] {1, 1, 1, 0}, f.bow().counts().toDense());
            // punctuation attached to a word is split off by the standard tokenizer; stop words stay dropped
            assertEquals(List.of("football", "goal"), pretokenized.tokens(0, "the football, goal!"));
        }
    }

    @Test
    void aChunkLongerThanTheLongestTokenIsResegmentedNotDropped() {
        String sentence = "中国股市下跌".repeat(8);
        try (Featurizer pretokenized = new Featurizer(List.of(
                LanguageAnalyzers.create("en", AnalyzerSettings.defaultsFor("en").withPretokenized(true)),
                LanguageAnalyzers.create("zh", AnalyzerSettings.defaultsFor("zh").withPretokenized(true))),
                List.of(EN, Vocabulary.of(List.of("中国", "股市", "下跌"))), TABLE)) {
            assertEquals(24, pretokenized.tokens(1, sentence).size());
        }
    }
}
