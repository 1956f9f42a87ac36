package io.glostream.bench.e2e;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The record retries of the app's producers ({@code record-retry-total} of every {@code producer-metrics} group
 * among Kafka Streams' client metrics): the records of every batch the broker refused with a retriable error and
 * the producer sent again after {@code retry.backoff.ms} (under transactions v2, mostly
 * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} and {@code CONCURRENT_TRANSACTIONS} right after a commit). A retried batch
 * holds back the records in it, and the next commit's flush waits for it, so the count over the latency phase says
 * how many records paid that wait. A producer that is replaced takes its count with it.
 */
public final class ProducerRetries {

    private static final String GROUP = "producer-metrics";
    private static final String NAME = "record-retry-total";

    private ProducerRetries() {
    }

    /** The retries so far, summed over the producers in {@code metrics} (as {@code KafkaStreams.metrics()}). */
    public static long total(Map<MetricName, ? extends Metric> metrics) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
            if (GROUP.equals(metric.getKey().group()) && NAME.equals(metric.getKey().name())
                    && metric.getValue().metricValue() instanceof Double value && Double.isFinite(value)) {
                sum += value;
            }
        }
        return Math.round(sum);
    }
}
