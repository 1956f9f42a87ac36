package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JapaneseAnalysisTest {

    private static final AnalyzerSettings DEFAULTS = AnalyzerSettings.defaultsFor("ja");

    private static List<String> analyze(AnalyzerSettings settings, String text) {
        try (TextAnalyzer analyzer = LanguageAnalyzers.create("ja", settings)) {
            return analyzer.analyze(text);
        }
    }

    @Test
    void reducesVerbsAndAdjectivesToBaseFormAndDropsParticles() {
        assertEquals(List.of("私", "東京", "住む"), analyze(DEFAULTS, "私は東京に住んでいます。"));
        assertEquals(List.of("今日", "とても", "寒い"), analyze(DEFAULTS, "今日はとても寒かった"));
    }

    @Test
    void searchModeSplitsCompoundsAndCountsEachPartOnce() {
        assertEquals(List.of("関西", "国際", "空港", "iphone", "買う"), analyze(DEFAULTS, "関西国際空港でiPhoneを買いました。"));
    }

    @Test
    void foldsWidthsAndStemsKatakanaLongVowels() {
        assertEquals(List.of("abc", "カタカナ", "コンピュータ", "使う"), analyze(DEFAULTS, "ＡＢＣのｶﾀｶﾅとコンピューターを使った。"));
    }

    @Test
    void keepsNumbersAndDropsEmoji() {
        assertEquals(List.of("2024", "年", "楽しい"), analyze(DEFAULTS, "2024年は😀楽しい！"));
    }

    @Test
    void lowercaseOffKeepsCaseOfLatinWords() {
        assertEquals(List.of("iPhone", "買う"), analyze(DEFAULTS.withLowercase(false), "iPhoneを買う"));
    }

    @Test
    void stopWordRemovalOffKeepsParticles() {
        assertEquals(List.of("私", "は", "東京", "に", "住む"), analyze(DEFAULTS.withRemoveStopWords(false), "私は東京に住む"));
    }

    @Test
    void overlongKatakanaRunsAreDroppedWhole() {
        // Kuromoji cuts unknown runs at 1024 characters; the 6-character tail is not a word.
        assertEquals(List.of("前", "後"), analyze(DEFAULTS, "前 " + "ア".repeat(1030) + " 後"));
    }
}
