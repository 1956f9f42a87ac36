package io.glostream.stream.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrendKeysTest {

    @Test
    void roundTripsLanguageAndTopic() {
        String key = TrendKeys.of("zh", 42);
        assertEquals("zh:42", key);
        assertEquals("zh", TrendKeys.lang(key));
        assertEquals(42, TrendKeys.topic(key));
    }

    @Test
    void refusesKeysWithoutBothParts() {
        assertThrows(IllegalArgumentException.class, () -> TrendKeys.lang("zh"));
        assertThrows(IllegalArgumentException.class, () -> TrendKeys.topic(":3"));
        assertThrows(IllegalArgumentException.class, () -> TrendKeys.topic("en:"));
    }
}
