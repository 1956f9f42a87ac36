package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzerSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void englishDefaultsDropSingleCharacters() {
        assertEquals(new AnalyzerSettings(true, true, 2, 40, false, Set.of(), false), AnalyzerSettings.defaultsFor("en"));
    }

    @Test
    void chineseAndJapaneseDefaultsKeepSingleCharacters() {
        AnalyzerSettings expected = new AnalyzerSettings(true, true, 1, 40, false, Set.of(), false);
        assertEquals(expected, AnalyzerSettings.defaultsFor("zh"));
        assertEquals(expected, AnalyzerSettings.defaultsFor("cn"));
        assertEquals(expected, AnalyzerSettings.defaultsFor("ja"));
    }

    @Test
    void defaultsForAnUnsupportedLanguageAreRefused() {
        assertThrows(UnsupportedLanguageException.class, () -> AnalyzerSettings.defaultsFor("fr"));
    }

    @Test
    void refusesMinimumLengthBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AnalyzerSettings(true, true, 0, 40, false, Set.of(), false));
        assertEquals("minTokenLength must be at least 1, got 0", e.getMessage());
    }

    @Test
    void refusesMaximumLengthBelowMinimum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AnalyzerSettings(true, true, 5, 4, false, Set.of(), false));
        assertEquals("maxTokenLength (4) must be at least minTokenLength (5)", e.getMessage());
    }

    @Test
    void refusesMaximumLengthAboveTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AnalyzerSettings(true, true, 1, 101, false, Set.of(), false));
        assertEquals("maxTokenLength must be at most 100, got 101", e.getMessage());
    }

    @Test
    void refusesBlankExtraStopWords() {
        assertThrows(IllegalArgumentException.class,
                () -> new AnalyzerSettings(true, true, 1, 40, false, Set.of("ok", " "), false));
    }

    @Test
    void missingExtraStopWordsMeanNone() {
        assertEquals(Set.of(), new AnalyzerSettings(true, true, 1, 40, false, null, false).extraStopWords());
    }

    @Test
    void extraStopWordsAreCopiedSortedAndUnmodifiable() {
        Set<String> words = new HashSet<>(Set.of("zeta", "alpha", "mid"));
        AnalyzerSettings settings = AnalyzerSettings.defaultsFor("en").withExtraStopWords(words);
        words.add("late");
        assertEquals(List.of("alpha", "mid", "zeta"), List.copyOf(settings.extraStopWords()));
        assertThrows(UnsupportedOperationException.class, () -> settings.extraStopWords().add("x"));
    }

    @Test
    void withersChangeOnlyTheirField() {
        AnalyzerSettings base = AnalyzerSettings.defaultsFor("en");
        assertEquals(new AnalyzerSettings(false, false, 3, 7, true, Set.of("x"), false),
                base.withLowercase(false).withRemoveStopWords(false).withTokenLengths(3, 7).withStem(true)
                        .withExtraStopWords(Set.of("x")));
    }

    @Test
    void serialisesToAStableJsonObject() throws Exception {
        AnalyzerSettings settings = AnalyzerSettings.defaultsFor("en").withExtraStopWords(Set.of("said", "also"));
        assertEquals("{\"lowercase\":true,\"removeStopWords\":true,\"minTokenLength\":2,\"maxTokenLength\":40,"
                + "\"stem\":false,\"extraStopWords\":[\"also\",\"said\"],\"pretokenized\":false}",
                JSON.writeValueAsString(settings));
    }

    @Test
    void manifestsWrittenBeforePretokenizedExistedStillRead() throws Exception {
        String json = "{\"lowercase\":true,\"removeStopWords\":true,\"minTokenLength\":2,\"maxTokenLength\":40,"
                + "\"stem\":false}";
        assertEquals(AnalyzerSettings.defaultsFor("en"), JSON.readValue(json, AnalyzerSettings.class));
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        AnalyzerSettings settings = new AnalyzerSettings(false, true, 3, 25, true, Set.of("said", "also"), true);
        assertEquals(settings, JSON.readValue(JSON.writeValueAsString(settings), AnalyzerSettings.class));
    }

    @Test
    void jsonWithoutARequiredFieldIsRefused() {
        String json = "{\"lowercase\":true,\"removeStopWords\":true,\"maxTokenLength\":40,\"stem\":false}";
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> JSON.readValue(json, AnalyzerSettings.class));
        assertTrue(e.getMessage().contains("minTokenLength"), e.getMessage());
    }

    @Test
    void jsonWithInvalidValuesIsRefusedWithTheValidationMessage() {
        String json = "{\"lowercase\":true,\"removeStopWords\":true,\"minTokenLength\":0,\"maxTokenLength\":40,"
                + "\"stem\":false}";
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class,
                () -> JSON.readValue(json, AnalyzerSettings.class));
        assertTrue(e.getMessage().contains("minTokenLength must be at least 1, got 0"), e.getMessage());
    }
}
