package io.glostream.stream.tail;

import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.topology.DocumentDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The view of each of the app's topics, found by the topic names the settings give. */
public final class RecordViews {

    private RecordViews() {
    }

    /** The view of {@code topic}, when it is one of the app's topics other than the control topic. */
    public static Optional<RecordView> of(StreamSettings settings, String topic) {
        if (topic.equals(settings.outputTopic())) {
            return Optional.of(new DocumentTopicsView());
        }
        if (topic.equals(settings.deadLetterTopic())) {
            return Optional.of(new DeadLetterView());
        }
        if (topic.equals(settings.trendsTopic())) {
            return Optional.of(new TrendsView(settings.trendsWindow()));
        }
        if (topic.equals(settings.documentsTopic())) {
            return Optional.of(new DocumentView(DocumentDecoder.avro()));
        }
        if (settings.jsonDocumentsTopic().filter(topic::equals).isPresent()) {
            return Optional.of(new DocumentView(DocumentDecoder.json()));
        }
        return Optional.empty();
    }

    /** The topics {@link #of} knows, for messages. */
    public static List<String> topics(StreamSettings settings) {
        List<String> topics = new ArrayList<>(List.of(settings.outputTopic(), settings.deadLetterTopic(),
                settings.trendsTopic()));
        topics.addAll(settings.inputTopics());
        return topics;
    }
}
