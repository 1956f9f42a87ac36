package io.glostream.stream.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendsReportTest {

    private static final Instant FROM = Instant.parse("2024-03-02T10:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-02T11:00:00Z");

    private static TopicTrend trend(int topic, long count) {
        return new TopicTrend(topic, "t" + topic, count, Map.of());
    }

    @Test
    void keepsTopicsSortedByCountDescendingWithTiesByTopicId() {
        TrendsReport report = new TrendsReport(FROM, TO, null, "v1", 20,
                List.of(trend(4, 2), trend(9, 7), trend(1, 2), trend(3, 11)));

        assertEquals(List.of(3, 9, 1, 4), report.topics().stream().map(TopicTrend::topic).toList());
    }

    @Test
    void copiesTopicsSoTheCallerCannotChangeThem() {
        List<TopicTrend> topics = new ArrayList<>(List.of(trend(1, 5)));
        TrendsReport report = new TrendsReport(FROM, TO, "en", "v1", 5, topics);

        topics.add(trend(2, 9));

        assertEquals(1, report.topics().size());
        assertThrows(UnsupportedOperationException.class, () -> report.topics().add(trend(3, 1)));
    }

    @Test
    void refusesATopicListedTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrendsReport(FROM, TO, null, "v1", 3, List.of(trend(5, 1), trend(5, 2))));

        assertEquals("topic 5 appears twice", e.getMessage());
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new TrendsReport(TO, FROM, null, "v1", 0, List.of()));
    }

    @Test
    void refusesANegativeDocumentCount() {
        assertThrows(IllegalArgumentException.class, () -> new TrendsReport(FROM, TO, null, "v1", -1, List.of()));
    }

    @Test
    void topicWordsAreCopiedAndOrderedByLanguage() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        words.put("zh", new ArrayList<>(List.of("市场")));
        words.put("en", new ArrayList<>(List.of("market", "stock")));
        TopicTrend trend = new TopicTrend(0, "markets", 3, words);

        words.get("en").add("bond");
        words.put("ja", List.of("市場"));

        assertEquals(List.of("en", "zh"), List.copyOf(trend.words().keySet()));
        assertEquals(List.of("market", "stock"), trend.words().get("en"));
    }

    @Test
    void refusesANegativeTopicOrCount() {
        assertThrows(IllegalArgumentException.class, () -> new TopicTrend(-1, "x", 0, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new TopicTrend(0, "x", -1, Map.of()));
    }
}
