package io.glostream.stream.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrendsQueryTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({
            "30s, 30",
            "15m, 900",
            "1h, 3600",
            "2d, 172800",
            "0090m, 5400",
            "3650d, 315360000",
            "PT1H, 3600",
            "PT90M, 5400",
            "PT1H30M, 5400",
            "P2D, 172800",
            "pt15m, 900",
            "PT0.5S, 0.5",
    })
    void parsesShorthandAndIsoWindows(String text, double seconds) {
        Duration window = TrendsQuery.parseWindow(text);

        assertEquals(seconds, window.getSeconds() + window.getNano() / 1e9);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "0s", "0d", "PT0S", "PT-1H", "-1h", "P-1D",
            "1w", "1y", "1M", "1H", "h", "1", "1.5h", "1 h", " 1h", "1h ", "+1h", "abc",
            "P1Y", "P1M", "PT", "P", "PTH",
            "3651d", "P3651D", "87601h", "999999999999999999d", "9999999999999999999s",
    })
    void refusesWindowsThatAreMalformedNotPositiveOrTooLong(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrendsQuery.parseWindow(text));

        assertTrue(e.getMessage().startsWith("window '" + text + "'"), e.getMessage());
    }

    @Test
    void absentParametersMeanAllLanguagesOverTheDefaultHour() {
        assertEquals(new TrendsQuery(Optional.empty(), Duration.ofHours(1)), TrendsQuery.parse(null));
        assertEquals(new TrendsQuery(Optional.empty(), Duration.ofHours(1)), TrendsQuery.parse(""));
    }

    @Test
    void emptyParametersMeanTheSameAsAbsentOnes() {
        assertEquals(new TrendsQuery(Optional.empty(), Duration.ofHours(1)), TrendsQuery.parse("lang=&window="));
        assertEquals(new TrendsQuery(Optional.empty(), Duration.ofHours(1)), TrendsQuery.parse("lang&window"));
    }

    @Test
    void readsLanguageAndWindowInAnyOrder() {
        TrendsQuery expected = new TrendsQuery(Optional.of("zh"), Duration.ofMinutes(15));

        assertEquals(expected, TrendsQuery.parse("lang=zh&window=15m"));
        assertEquals(expected, TrendsQuery.parse("window=PT15M&lang=zh"));
    }

    @Test
    void ignoresEmptyPairs() {
        assertEquals(new TrendsQuery(Optional.of("en"), Duration.ofHours(1)), TrendsQuery.parse("&lang=en&&"));
    }

    @Test
    void decodesPercentEscapes() {
        assertEquals(new TrendsQuery(Optional.of("en"), Duration.ofMinutes(15)),
                TrendsQuery.parse("%6Cang=%65n&window=%50T15M"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"EN", "english", "e", "e1", "en-US", "en ", "日本"})
    void refusesLanguagesThatAreNotTwoOrThreeLowercaseLetters(String lang) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrendsQuery(Optional.of(lang), Duration.ofHours(1)));

        assertTrue(e.getMessage().startsWith("lang '" + lang + "'"), e.getMessage());
    }

    @Test
    void refusesUnknownParametersSoATypoDoesNotFallBackToTheDefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrendsQuery.parse("lang=en&windw=2h"));

        assertEquals("unknown parameter 'windw' (known: lang, window)", e.getMessage());
    }

    @Test
    void refusesARepeatedParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrendsQuery.parse("lang=en&lang=zh"));

        assertEquals("parameter 'lang' is given more than once", e.getMessage());
    }

    @Test
    void refusesAMalformedPercentEscape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrendsQuery.parse("lang=%zz"));

        assertEquals("malformed percent-escape in '%zz'", e.getMessage());
    }
}
