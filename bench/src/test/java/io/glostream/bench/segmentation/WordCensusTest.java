package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.bench.segmentation.WordCensus.GroupRow;
import io.glostream.bench.segmentation.WordCensus.Outcome;
import io.glostream.bench.segmentation.WordCensus.WordRow;
import io.glostream.core.vocab.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Serving tokens are given by hand here, so each outcome is produced on purpose. */
class WordCensusTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("市场", "第三", "中华", "人民", "共和国",
            "研究生", "命", "好", "的", "零零", "季度", "轮"));

    private static long outcome(WordCensus census, Outcome outcome) {
        return census.report(0).outcomes().get(outcome);
    }

    private static WordCensus censusOf(String segmented, String... servingTokens) {
        WordCensus census = new WordCensus(VOCABULARY);
        assertTrue(census.add(DespacedText.of(segmented), List.of(servingTokens)));
        return census;
    }

    @Test
    void sameSpanIsSame() {
        assertEquals(1, outcome(censusOf("市场", "市场"), Outcome.SAME));
    }

    @Test
    void piecesInsideTheWordAreASplit() {
        assertEquals(1, outcome(censusOf("第三", "第", "三"), Outcome.SPLIT));
    }

    @Test
    void oneTokenOverSeveralWordsMergesEachOfThem() {
        assertEquals(3, outcome(censusOf("中华 人民 共和国", "中华人民共和国"), Outcome.MERGED));
    }

    @Test
    void tokensReachingBeyondTheWordCrossIt() {
        WordCensus census = censusOf("研究生 命", "研究", "生命");

        assertEquals(1, outcome(census, Outcome.CROSSED)); // 研究生: 研究 inside, 生命 beyond
        assertEquals(1, outcome(census, Outcome.MERGED)); // 命: inside 生命
    }

    @Test
    void wordWithoutAnyServingTokenIsDropped() {
        assertEquals(1, outcome(censusOf("好 的", "好"), Outcome.DROPPED));
    }

    @Test
    void countsOnlyVocabularyWords() {
        assertEquals(1, censusOf("市场 经济", "市场", "经济").report(0).words());
    }

    @Test
    void leavesOutDocumentsWhoseServingTokensAreNotInTheText() {
        WordCensus census = new WordCensus(VOCABULARY);

        assertFalse(census.add(DespacedText.of("２０１２ 市场"), List.of("2012", "市场")));
        WordCensus.Report report = census.report(0);
        assertEquals(0, report.alignedDocuments());
        assertEquals(1, report.unalignedDocuments());
        assertEquals(0, report.words());
    }

    @Test
    void findsLowerCasedServingTokensInTheText() {
        WordCensus census = new WordCensus(Vocabulary.of(List.of("iPad")));

        assertTrue(census.add(DespacedText.of("iPad 市场"), List.of("ipad", "市场")));
        assertEquals(1, census.report(0).outcomes().get(Outcome.SAME));
    }

    @Test
    void groupsWordsByLengthAndNumerals() {
        WordCensus census = new WordCensus(VOCABULARY);
        census.add(DespacedText.of("零零 研究生 轮 市场"), List.of("零", "零", "研究生", "轮", "市场"));
        WordCensus.Report report = census.report(0);

        assertEquals(List.of(new GroupRow("1", 1, 1, 1.0), new GroupRow("2", 2, 1, 0.5),
                new GroupRow("3", 1, 1, 1.0), new GroupRow("4+", 0, 0, 0.0)), report.byLength());
        assertEquals(new GroupRow("numerals", 1, 0, 0.0), report.numerals());
    }

    @Test
    void listsTheWordsOfEachOutcomeWithTheirCommonestRendering() {
        WordCensus census = new WordCensus(VOCABULARY);
        census.add(DespacedText.of("第三 季度"), List.of("第", "三", "季度"));
        census.add(DespacedText.of("第三 轮"), List.of("第", "三轮"));
        census.add(DespacedText.of("第三 季度"), List.of("第", "三", "季度"));
        census.add(DespacedText.of("零零"), List.of("零", "零"));
        Map<Outcome, List<WordRow>> top = census.report(5).topWords();

        assertEquals(List.of(new WordRow("第三", 2, 3, "第 三", 2), new WordRow("零零", 1, 1, "零 零", 1)),
                top.get(Outcome.SPLIT));
        assertEquals(List.of(new WordRow("第三", 1, 3, "第 三轮", 1)), top.get(Outcome.CROSSED));
        assertEquals(List.of(new WordRow("轮", 1, 1, "三轮", 1)), top.get(Outcome.MERGED));
        assertEquals(List.of(), top.get(Outcome.DROPPED));
        assertFalse(top.containsKey(Outcome.SAME));
    }

    @Test
    void topWordsAreCutToTheLimit() {
        WordCensus census = new WordCensus(VOCABULARY);
        census.add(DespacedText.of("第三 零零 零零"), List.of("第", "三", "零", "零", "零", "零"));

        assertEquals(List.of(new WordRow("零零", 2, 2, "零 零", 2)), census.report(1).topWords().get(Outcome.SPLIT));
    }
}
