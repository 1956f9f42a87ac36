package io.glostream.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms,250", "30s,30000", "15m,900000", "1h,3600000", "2d,172800000", "PT1H,3600000", "pt30s,30000",
        "P1D,86400000"})
    void readsShorthandAndIso8601(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1w", "1M", "1H", " 5m", "h", "-5m", "1.5h", "PT", "soon", "99999999999999d"})
    void refusesAnythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is not a duration; write e.g. 250ms, 30s, 15m, 1h, 2d or PT1H", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"250,250ms", "30000,30s", "90000,90s", "3600000,1h", "172800000,2d", "0,0ms"})
    void formatsTheShortestShorthand(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }
}
