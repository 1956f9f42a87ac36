package io.glostream.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopTopicsTest {

    @Test
    void ranksHeaviestFirstAndBreaksTiesByTheLowerId() {
        float[] theta = {0.1f, 0.3f, 0.2f, 0.3f, 0.1f};
        assertArrayEquals(new int[] {1, 3, 2}, TopTopics.of(theta, 3));
        assertArrayEquals(new int[] {1, 3, 2, 0, 4}, TopTopics.of(theta, 10));
        assertArrayEquals(new int[0], TopTopics.of(theta, 0));
    }

    @Test
    void argmaxIsTheFirstRanked() {
        assertEquals(2, TopTopics.argmax(new float[] {0.2f, 0.1f, 0.7f}));
        assertEquals(0, TopTopics.argmax(new float[] {0.5f, 0.5f}));
        assertThrows(IllegalArgumentException.class, () -> TopTopics.argmax(new float[0]));
    }

    @Test
    void labelJoinsTheFirstWordsOfEachLanguage() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        words.put("en", List.of("market", "stock", "shares", "index"));
        words.put("zh", List.of("市场", "股市"));
        assertEquals("market, stock, shares | 市场, 股市", TopTopics.label(new TopicWords(4, words), 3));
    }
}
