package io.glostream.stream.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' own metrics (client, thread, task, store, and its producers' and consumers') as
 * Micrometer {@code kafka.*} meters. Bind right after building the {@link KafkaStreams} instance; close
 * when the app closes it, which removes the meters and stops the binder's refresh thread. Metrics that
 * appear later (threads added, tasks assigned after a rebalance) are picked up by Micrometer's periodic
 * refresh.
 */
public final class KafkaStreamsBinding implements AutoCloseable {

    private final KafkaStreamsMetrics binder;

    private KafkaStreamsBinding(KafkaStreamsMetrics binder) {
        this.binder = binder;
    }

    /** Binds {@code streams}' metrics to {@code registry}, each meter carrying {@code tags}. */
    public static KafkaStreamsBinding bind(KafkaStreams streams, MeterRegistry registry, Iterable<Tag> tags) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(tags, "tags");
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, tags);
        binder.bindTo(registry);
        return new KafkaStreamsBinding(binder);
    }

    /** Binds {@code streams}' metrics to {@code registry} without extra tags. */
    public static KafkaStreamsBinding bind(KafkaStreams streams, MeterRegistry registry) {
        return bind(streams, registry, List.of());
    }

    /** Removes the bound meters from the registry and stops the refresh. */
    @Override
    public void close() {
        binder.close();
    }
}
