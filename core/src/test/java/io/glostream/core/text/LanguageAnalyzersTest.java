package io.glostream.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {

    @Test
    void supportsEnglishChineseAndJapanese() {
        assertEquals(List.of("en", "ja", "zh"), List.copyOf(LanguageAnalyzers.supportedLanguages()));
    }

    @Test
    void cnIsAnAliasOfZh() {
        try (TextAnalyzer analyzer = LanguageAnalyzers.create("cn")) {
            assertEquals("zh", analyzer.language());
            assertEquals(List.of("北京"), analyzer.analyze("北京"));
        }
    }

    @Test
    void languageCodesAreReadIgnoringCase() {
        assertEquals("en", LanguageAnalyzers.canonicalLanguage("EN"));
        assertEquals("zh", LanguageAnalyzers.canonicalLanguage("Cn"));
    }

    @Test
    void createWithoutSettingsUsesTheLanguageDefaults() {
        try (TextAnalyzer analyzer = LanguageAnalyzers.create("en")) {
            assertEquals(AnalyzerSettings.defaultsFor("en"), analyzer.settings());
        }
    }

    @Test
    void unsupportedLanguageMessageListsTheSupportedOnes() {
        UnsupportedLanguageException e = assertThrows(UnsupportedLanguageException.class,
                () -> LanguageAnalyzers.create("fr"));
        assertEquals("unsupported language \"fr\"; supported: en, ja, zh (also accepted: cn for zh)", e.getMessage());
    }

    @Test
    void nullLanguageIsUnsupported() {
        assertThrows(UnsupportedLanguageException.class, () -> LanguageAnalyzers.canonicalLanguage(null));
    }

    @Test
    void stemmingIsRefusedOutsideEnglish() {
        AnalyzerSettings stemming = AnalyzerSettings.defaultsFor("zh").withStem(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LanguageAnalyzers.create("zh", stemming));
        assertEquals("stemming is only available for en, not zh", e.getMessage());
    }

    @Test
    void analyzersOfTheSameLanguageWithDifferentSettingsAreIndependent() {
        AnalyzerSettings keepAll = AnalyzerSettings.defaultsFor("en").withRemoveStopWords(false).withExtraStopWords(Set.of());
        try (TextAnalyzer plain = LanguageAnalyzers.create("en");
                TextAnalyzer keeping = LanguageAnalyzers.create("en", keepAll)) {
            assertEquals(List.of("cat"), plain.analyze("the cat"));
            assertEquals(List.of("the", "cat"), keeping.analyze("the cat"));
        }
    }
}
