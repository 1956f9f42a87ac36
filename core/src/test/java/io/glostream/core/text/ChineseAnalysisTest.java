package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChineseAnalysisTest {

    private static final AnalyzerSettings DEFAULTS = AnalyzerSettings.defaultsFor("zh");

    private static List<String> analyze(AnalyzerSettings settings, String text) {
        try (TextAnalyzer analyzer = LanguageAnalyzers.create("zh", settings)) {
            return analyzer.analyze(text);
        }
    }

    @Test
    void segmentsWordsAndDropsPunctuation() {
        assertEquals(List.of("我", "爱", "北京", "天安门", "今天", "天气", "很", "好"),
                analyze(DEFAULTS, "我爱北京天安门，今天天气很好。"));
    }

    @Test
    void keepsOneCharacterWordsByDefault() {
        assertEquals(1, DEFAULTS.minTokenLength());
        assertEquals(List.of("北京", "天安门"), analyze(DEFAULTS.withTokenLengths(2, 40), "我爱北京天安门"));
    }

    @Test
    void keepsArabicNumeralsAndSeparatesThemFromUnits() {
        assertEquals(List.of("中华人民共和国", "成立", "于", "1949", "年", "10", "月", "1", "日"),
                analyze(DEFAULTS, "中华人民共和国成立于1949年10月1日。"));
    }

    @Test
    void lowerCasesEnglishWordsInsideChineseText() {
        assertEquals(List.of("苹果", "公司", "发布", "了", "新款", "iphone", "和", "macbook", "pro"),
                analyze(DEFAULTS, "苹果公司发布了新款iPhone和MacBook Pro！"));
    }

    @Test
    void foldsFullWidthLatinLetters() {
        assertEquals(List.of("abc", "产品"), analyze(DEFAULTS, "ＡＢＣ产品"));
    }

    @Test
    void smartCnLowerCasesLatinEvenWithLowercaseOffButOtherScriptsKeepCase() {
        assertEquals(List.of("iphone", "和", "Ω"), analyze(DEFAULTS.withLowercase(false), "iPhone和Ω"));
        assertEquals(List.of("iphone", "和", "ω"), analyze(DEFAULTS, "iPhone和Ω"));
    }

    @Test
    void dropsEmoji() {
        assertEquals(List.of("好", "开心"), analyze(DEFAULTS, "好😀开心🎉！"));
    }

    @Test
    void extraStopWordsAreRemoved() {
        assertEquals(List.of("我", "北京"), analyze(DEFAULTS.withExtraStopWords(Set.of("爱", "天安门")), "我爱北京天安门"));
    }

    @Test
    void readsTheAlreadySegmentedBenchmarkTextWordByWord() {
        assertEquals(List.of("成绩", "波动", "影响", "备考", "心态", "一定", "坚持", "学习", "习惯", "乱"),
                analyze(DEFAULTS, "成绩 波动 影响 备考 心态 一定 坚持 学习 习惯 乱"));
    }

    @Test
    void aWordAcrossSmartCnsReadBufferBoundaryStaysWhole() {
        // SmartCN reads 1024 chars at a time; here "天安门" occupies chars 1022..1024 of a single line.
        String prefix = "好，".repeat(511);
        List<String> tokens = analyze(DEFAULTS, prefix + "天安门。");
        assertEquals(512, tokens.size());
        assertEquals("天安门", tokens.get(511));
    }

    @Test
    void overlongLatinRunsAreDroppedWhole() {
        // SmartCN cuts a 1030-letter run into 1024 + 6 letters; the 6-letter tail is not a word.
        assertEquals(List.of("前", "后"), analyze(DEFAULTS, "前 " + "x".repeat(1030) + " 后"));
    }
}
