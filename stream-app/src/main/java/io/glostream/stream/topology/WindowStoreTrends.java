package io.glostream.stream.topology;

import io.glostream.core.model.TopTopics;
import io.glostream.core.model.TopicModel;
import io.glostream.core.model.TopicWords;
import io.glostream.stream.model.ModelHolder;
import io.glostream.stream.ops.TopicTrend;
import io.glostream.stream.ops.TrendsReport;
import io.glostream.stream.ops.TrendsSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Answers "what are people writing about" from the topic-trends window store: the documents whose top
 * topic was each topic, in the windows that started within the look-back, for one language or all,
 * labelled with the serving model's words (topic ids are stable across aligned retrains).
 */
public final class WindowStoreTrends implements TrendsSource {

    private static final int WORDS = 10;
    private static final int LABEL_WORDS = 3;

    private final Supplier<ReadOnlyWindowStore<String, Long>> store;
    private final ModelHolder models;
    private final Clock clock;

    /**
     * @param store the queryable store, looked up on every query (it moves during rebalances)
     */
    public WindowStoreTrends(Supplier<ReadOnlyWindowStore<String, Long>> store, ModelHolder models, Clock clock) {
        this.store = store;
        this.models = models;
        this.clock = clock;
    }

    @Override
    public TrendsReport trends(Optional<String> lang, Duration lookback) {
        Instant to = clock.instant();
        Instant from = to.minus(lookback);
        Map<Integer, Long> counts = new TreeMap<>();
        long documents = 0;
        try (KeyValueIterator<Windowed<String>, Long> windows = store.get().fetchAll(from, to)) {
            while (windows.hasNext()) {
                KeyValue<Windowed<String>, Long> window = windows.next();
                String key = window.key.key();
                if (lang.isPresent() && !lang.get().equals(TrendKeys.lang(key))) {
                    continue;
                }
                counts.merge(TrendKeys.topic(key), window.value, Long::sum);
                documents += window.value;
            }
        }
        try (ModelHolder.Lease lease = models.lease()) {
            TopicModel model = lease.model();
            List<TopicTrend> topics = new ArrayList<>();
            counts.forEach((topic, count) -> topics.add(trend(model, topic, count)));
            return new TrendsReport(from, to, lang.orElse(null), model.version(), documents, topics);
        }
    }

    private static TopicTrend trend(TopicModel model, int topic, long count) {
        if (topic >= model.numTopics()) {
            return new TopicTrend(topic, "(not in model " + model.version() + ")", count, Map.of());
        }
        TopicWords words = model.topics().get(topic);
        Map<String, List<String>> byLanguage = new TreeMap<>();
        for (String language : model.languages()) {
            byLanguage.put(language, words.words(language, WORDS));
        }
        return new TopicTrend(topic, TopTopics.label(words, LABEL_WORDS), count, byLanguage);
    }
}
