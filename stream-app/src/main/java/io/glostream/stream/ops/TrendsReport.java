package io.glostream.stream.ops;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The topic trends of one time range, as {@code /trends} serves them.
 *
 * @param from         start of the range (inclusive)
 * @param to           end of the range; not before {@code from}
 * @param lang         the language counted, or null for all languages
 * @param modelVersion the version of the model whose topics are counted
 * @param documents    documents counted in the range; not negative
 * @param topics       one entry per topic id; kept sorted by count descending, ties by topic id
 */
public record TrendsReport(Instant from, Instant to, String lang, String modelVersion, long documents,
                           List<TopicTrend> topics) {

    private static final Comparator<TopicTrend> MOST_COUNTED_FIRST =
            Comparator.comparingLong(TopicTrend::count).reversed().thenComparingInt(TopicTrend::topic);

    public TrendsReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (documents < 0) {
            throw new IllegalArgumentException("documents must not be negative: " + documents);
        }
        Objects.requireNonNull(topics, "topics");
        Set<Integer> seen = new HashSet<>();
        for (TopicTrend trend : topics) {
            Objects.requireNonNull(trend, "topics has a null entry");
            if (!seen.add(trend.topic())) {
                throw new IllegalArgumentException("topic " + trend.topic() + " appears twice");
            }
        }
        topics = topics.stream().sorted(MOST_COUNTED_FIRST).toList();
    }
}
