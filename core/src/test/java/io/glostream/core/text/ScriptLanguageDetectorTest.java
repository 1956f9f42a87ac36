package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptLanguageDetectorTest {

    private final ScriptLanguageDetector enZh = new ScriptLanguageDetector(List.of("en", "zh"));
    private final ScriptLanguageDetector enJa = new ScriptLanguageDetector(List.of("en", "ja"));

    @Test
    void latinLettersAreTheModelsLatinScriptLanguage() {
        assertEquals(Optional.of("en"), enZh.detect("Stocks fell sharply on Monday."));
    }

    @Test
    void hanCharactersAreChineseForAnEnglishChineseModel() {
        assertEquals(Optional.of("zh"), enZh.detect("股市周一大幅下跌"));
    }

    @Test
    void theScriptWithMoreLettersWinsInMixedText() {
        assertEquals(Optional.of("zh"), enZh.detect("苹果公司发布了新的 iPhone 手机"));
        assertEquals(Optional.of("en"), enZh.detect("The word 股市 means stock market"));
    }

    @Test
    void kanaMakeHanTextJapaneseWhenTheModelHasJapanese() {
        assertEquals(Optional.of("ja"), enJa.detect("東京の株式市場は下落した"));
        assertEquals(Optional.of("ja"), enJa.detect("東京株式市場"));
    }

    @Test
    void kanaAloneAreNoCandidateOfAnEnglishChineseModel() {
        assertEquals(Optional.empty(), enZh.detect("ひらがな"));
    }

    @Test
    void textWithoutLettersHasNoLanguage() {
        assertEquals(Optional.empty(), enZh.detect("12345 !!! 😀"));
        assertEquals(Optional.empty(), enZh.detect(""));
    }

    @Test
    void lettersOfAScriptNoCandidateUsesAreIgnored() {
        assertEquals(Optional.empty(), enZh.detect("Привет мир"));
        assertEquals(Optional.of("en"), enZh.detect("Привет мир hello"));
    }

    @Test
    void aDetectorNeedsCandidates() {
        assertThrows(IllegalArgumentException.class, () -> new ScriptLanguageDetector(List.of()));
    }
}
