package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input no analyzer may choke on, for every supported language. */
class AnalyzerRobustnessTest {

    private static List<String> analyze(String lang, String text) {
        try (TextAnalyzer analyzer = LanguageAnalyzers.create(lang)) {
            return analyzer.analyze(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void nullEmptyAndBlankTextGiveNoTokens(String lang) {
        assertEquals(List.of(), analyze(lang, null));
        assertEquals(List.of(), analyze(lang, ""));
        assertEquals(List.of(), analyze(lang, " \t\r\n\u3000 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void textOfOnlyPunctuationAndEmojiGivesNoTokens(String lang) {
        assertEquals(List.of(), analyze(lang, "😀🎉👍🏽 !!! ... —「」、。 ★☆ \uFFFD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void controlCharactersSeparateWordsAndNeverBecomeTokens(String lang) {
        assertEquals(List.of("hello", "world", "again"), analyze(lang, "hello\u0000world\u0007again\u001b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void unpairedSurrogatesSeparateWordsAndNeverBecomeTokens(String lang) {
        assertEquals(List.of("abc", "def", "ghi"), analyze(lang, "abc\uD800def \uDC00 ghi\uD83D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void oneMegabyteOfTextIsAnalysedCompletely(String lang) {
        String sentence = "market 市场 report, ";
        int repetitions = (1 << 20) / sentence.length();
        List<String> tokens = analyze(lang, sentence.repeat(repetitions));
        assertEquals(repetitions, Collections.frequency(tokens, "market"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void oneMegabyteWithoutSpacesIsOneOverlongTokenAndDropped(String lang) {
        assertEquals(List.of("start", "end"), analyze(lang, "start " + "ab".repeat(1 << 19) + " end"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void randomStringsNeverFailAndGiveOnlyWellFormedTokens(String lang) {
        AnalyzerSettings settings = AnalyzerSettings.defaultsFor(lang);
        Random random = new Random(20240611L + lang.hashCode());
        try (TextAnalyzer analyzer = LanguageAnalyzers.create(lang, settings)) {
            for (int doc = 0; doc < 300; doc++) {
                for (String token : analyzer.analyze(randomUtf16(random, random.nextInt(120)))) {
                    assertWellFormed(token, settings);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void manyThreadsSharingOneAnalyzerGetTheSameTokensAsOneThread(String lang) throws Exception {
        List<String> texts = List.of(
                "The quick brown fox jumps over the lazy dog in 2024.",
                "我爱北京天安门，今天天气很好。苹果公司发布了新款iPhone。",
                "私は東京に住んでいます。関西国際空港でiPhoneを買いました。",
                "Mixed 混合 テキスト with emoji 😀 and numbers 42.");
        try (TextAnalyzer analyzer = LanguageAnalyzers.create(lang)) {
            List<List<String>> expected = texts.stream().map(analyzer::analyze).toList();
            Callable<List<List<String>>> job = () -> {
                List<List<String>> seen = new ArrayList<>();
                for (int round = 0; round < 200; round++) {
                    seen.add(analyzer.analyze(texts.get(round % texts.size())));
                }
                return seen;
            };
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<List<String>>>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(job));
                }
                for (Future<List<List<String>>> result : results) {
                    List<List<String>> seen = result.get();
                    for (int round = 0; round < seen.size(); round++) {
                        assertEquals(expected.get(round % texts.size()), seen.get(round));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "ja"})
    void analysingAfterCloseFails(String lang) {
        TextAnalyzer analyzer = LanguageAnalyzers.create(lang);
        analyzer.close();
        assertThrows(AlreadyClosedException.class, () -> analyzer.analyze("text"));
    }

    private static void assertWellFormed(String token, AnalyzerSettings settings) {
        int codePoints = token.codePointCount(0, token.length());
        assertTrue(codePoints >= settings.minTokenLength() && codePoints <= settings.maxTokenLength(), token);
        assertTrue(token.codePoints().anyMatch(cp -> Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER), token);
        assertFalse(token.codePoints().anyMatch(Character::isWhitespace), token);
        assertFalse(token.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE),
                token);
    }

    // Mostly letters from Latin to CJK, with any UTF-16 unit (lone surrogates, controls) now and then.
    private static String randomUtf16(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0xA000));
        }
        return new String(chars);
    }
}
