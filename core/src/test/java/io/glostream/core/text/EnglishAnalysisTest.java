package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnglishAnalysisTest {

    private static final AnalyzerSettings DEFAULTS = AnalyzerSettings.defaultsFor("en");

    private static List<String> analyze(AnalyzerSettings settings, String text) {
        try (TextAnalyzer analyzer = LanguageAnalyzers.create("en", settings)) {
            return analyzer.analyze(text);
        }
    }

    @Test
    void lowerCasesRemovesStopWordsPossessivesAndPunctuation() {
        assertEquals(List.of("quick", "brown", "fox", "friends", "jumped", "over", "lazy", "dogs"),
                analyze(DEFAULTS, "The quick brown fox's friends jumped over the lazy dogs!"));
    }

    @Test
    void keepsNumbersAsTokens() {
        assertEquals(List.of("won", "2024", "3.14", "1,000", "votes"),
                analyze(DEFAULTS, "won 2024: 3.14% of 1,000 votes"));
    }

    @Test
    void defaultMinimumLengthOfTwoDropsSingleCharacters() {
        assertEquals(List.of("plan", "b", "costs", "5"), analyze(DEFAULTS.withTokenLengths(1, 40), "plan b costs 5"));
        assertEquals(List.of("plan", "costs"), analyze(DEFAULTS, "plan b costs 5"));
    }

    @Test
    void minimumLengthCountsCodePoints() {
        assertEquals(List.of("abc"), analyze(DEFAULTS.withTokenLengths(3, 40), "ab abc"));
    }

    @Test
    void dropsEmojiAndSymbols() {
        assertEquals(List.of("great", "party"), analyze(DEFAULTS, "great 😀🎉 party 👍🏽 — §§ ©"));
    }

    @Test
    void keepsEnglishWordsInMixedScriptTextAndEmitsHanOneCharacterPerToken() {
        String text = "We visited 北京 and Tokyo";
        assertEquals(List.of("we", "visited", "tokyo"), analyze(DEFAULTS, text));
        assertEquals(List.of("we", "visited", "北", "京", "tokyo"), analyze(DEFAULTS.withTokenLengths(1, 40), text));
    }

    @Test
    void lowercaseOffKeepsCase() {
        assertEquals(List.of("NASA", "launched", "Artemis"), analyze(DEFAULTS.withLowercase(false), "NASA launched Artemis"));
    }

    @Test
    void stopWordsAreMatchedIgnoringCaseEvenWithLowercaseOff() {
        assertEquals(List.of("Cat"), analyze(DEFAULTS.withLowercase(false), "The Cat"));
    }

    @Test
    void stopWordRemovalOffKeepsThe() {
        assertEquals(List.of("the", "cat", "is", "on", "the", "mat"),
                analyze(DEFAULTS.withRemoveStopWords(false), "The cat is on the mat"));
    }

    @Test
    void extraStopWordsAreRemovedIgnoringCase() {
        assertEquals(List.of("cat", "mat"),
                analyze(DEFAULTS.withExtraStopWords(Set.of("Sat")), "The cat sat on the mat"));
    }

    @Test
    void extraStopWordsApplyEvenWithBuiltInStopWordsOff() {
        assertEquals(List.of("the", "cat", "on", "the", "mat"),
                analyze(DEFAULTS.withRemoveStopWords(false).withExtraStopWords(Set.of("sat")), "The cat sat on the mat"));
    }

    @Test
    void stemmingAppliesPorter() {
        // Porter stems hand-checked against the zh-en dictionary's English side (certif, syndrom).
        assertEquals(List.of("run", "runner", "studi", "nation", "certif", "syndrom"),
                analyze(DEFAULTS.withStem(true), "running runners studies nationalization certification syndromes"));
    }

    @Test
    void stemmingIsOffByDefault() {
        assertEquals(List.of("running", "studies"), analyze(DEFAULTS, "running studies"));
    }

    @Test
    void tokensLongerThanTheMaximumAreDroppedNotTruncated() {
        String fortyOne = "x".repeat(41);
        assertEquals(List.of("before", "x".repeat(40), "after"),
                analyze(DEFAULTS, "before " + fortyOne + " " + "x".repeat(40) + " after"));
    }

    @Test
    void tokensLongerThanTheTokenizerBufferLeaveNoPieces() {
        // StandardTokenizer cuts at 255 chars: 300 letters would otherwise leave a 45-letter piece
        // and 520 letters a 10-letter piece that passes the length filter.
        assertEquals(List.of("before", "after"),
                analyze(DEFAULTS.withTokenLengths(2, 100), "before " + "y".repeat(300) + " after"));
        assertEquals(List.of("before", "after"), analyze(DEFAULTS, "before " + "z".repeat(520) + " after"));
    }

    @Test
    void aWordDirectlyAfterAnOverlongTokenInAnotherScriptIsKept() {
        assertEquals(List.of("before", "京", "after"),
                analyze(DEFAULTS.withTokenLengths(1, 40), "before " + "q".repeat(300) + "京 after"));
    }
}
