package io.glostream.stream.ops;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How often one topic was among documents' top topics in a trends window.
 *
 * @param topic the stable topic id
 * @param label the topic's human-readable label
 * @param count how many times the topic was counted in the window; not negative
 * @param words the topic's top words per language code; copied, ordered by language code
 */
public record TopicTrend(int topic, String label, long count, Map<String, List<String>> words) {

    public TopicTrend {
        if (topic < 0) {
            throw new IllegalArgumentException("topic must not be negative: " + topic);
        }
        Objects.requireNonNull(label, "label");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Objects.requireNonNull(words, "words");
        Map<String, List<String>> copy = new TreeMap<>();
        words.forEach((lang, list) -> copy.put(
                Objects.requireNonNull(lang, "words has a null language"),
                List.copyOf(Objects.requireNonNull(list, () -> "words of " + lang + " is null"))));
        words = Collections.unmodifiableMap(copy);
    }
}
