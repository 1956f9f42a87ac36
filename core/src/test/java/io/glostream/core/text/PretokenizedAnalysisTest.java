package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pre-segmented text: split on whitespace only, then the language's usual filters. */
class PretokenizedAnalysisTest {

    @Test
    void keepsTheGivenChineseSegmentationWhereSmartCnWouldRedoIt() {
        String segmented = "新浪 微博 网友 热议 二零一零年 考研";
        assertEquals(List.of("新浪", "微博", "网友", "热议", "二零一零年", "考研"),
                LanguageAnalyzers.create("zh", AnalyzerSettings.defaultsFor("zh").withPretokenized(true)).analyze(segmented));
        assertEquals(false, LanguageAnalyzers.create("zh").analyze(segmented).contains("微博"),
                "SmartCN cuts 微博, which is why pretokenized exists");
    }

    @Test
    void stillLowerCasesRemovesStopWordsAndChecksLengths() {
        TextAnalyzer en = LanguageAnalyzers.create("en", AnalyzerSettings.defaultsFor("en").withPretokenized(true));
        assertEquals(List.of("obama's", "visit", "china"), en.analyze("The Obama's  visit\tto CHINA a !!"));
    }

    @Test
    void stemsEnglishWhenAsked() {
        TextAnalyzer en = LanguageAnalyzers.create("en",
                AnalyzerSettings.defaultsFor("en").withPretokenized(true).withStem(true));
        assertEquals(List.of("certif", "syndrom"), en.analyze("certification syndrome"));
    }

    @Test
    void foldsJapaneseWidthsAndDropsStopWords() {
        TextAnalyzer ja = LanguageAnalyzers.create("ja", AnalyzerSettings.defaultsFor("ja").withPretokenized(true));
        assertEquals(List.of("サッカー", "試合"), ja.analyze("ｻｯｶｰ の 試合"));
    }
}
