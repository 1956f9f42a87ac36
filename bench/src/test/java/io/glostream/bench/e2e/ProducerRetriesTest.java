package io.glostream.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.Test;

class ProducerRetriesTest {

    @Test
    void sumsTheRetryTotalsOfEveryProducerAndNothingElse() {
        try (Metrics metrics = new Metrics()) {
            record(metrics, "record-retry-total", "producer-metrics", Map.of("client-id", "thread-1-producer"), 3);
            record(metrics, "record-retry-total", "producer-metrics", Map.of("client-id", "thread-2-producer"), 4);
            record(metrics, "record-error-total", "producer-metrics", Map.of("client-id", "thread-1-producer"), 50);
            record(metrics, "record-retry-total", "producer-topic-metrics",
                    Map.of("client-id", "thread-1-producer", "topic", "document-topics"), 3);
            assertEquals(7, ProducerRetries.total(metrics.metrics()));
        }
    }

    @Test
    void isZeroWithoutProducers() {
        try (Metrics metrics = new Metrics()) {
            assertEquals(0, ProducerRetries.total(metrics.metrics()));
        }
    }

    private static void record(Metrics metrics, String name, String group, Map<String, String> tags, double value) {
        Sensor sensor = metrics.sensor(name + group + tags);
        sensor.add(metrics.metricName(name, group, tags), new CumulativeSum());
        sensor.record(value);
    }
}
