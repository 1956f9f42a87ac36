package io.glostream.bench.e2e;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Kafka Streams thread metrics that say where a stream thread's loop spends its time, read at the end of a
 * phase: the longest and mean commit, poll, process and punctuate of the last minute or so (Kafka's sampled
 * windows: two of 30 s), in ms, the largest over the app's stream threads. A p99 of hundreds of ms with a
 * {@code commit_latency_max_ms} of the same size points at the exactly-once commit; a long poll at the fetch.
 */
public final class StreamThreadLatencies {

    private static final String GROUP = "stream-thread-metrics";

    private StreamThreadLatencies() {
    }

    /** The metrics above, named {@code <metric>_ms} in snake case; -1 where a metric has no value yet. */
    public static Map<String, Double> of(KafkaStreams streams) {
        Map<String, Double> latencies = new TreeMap<>();
        for (String step : new String[] {"commit", "poll", "process", "punctuate"}) {
            for (String stat : new String[] {"avg", "max"}) {
                latencies.put(step + "_latency_" + stat + "_ms", -1.0);
            }
        }
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            MetricName name = metric.getKey();
            String key = name.name().replace('-', '_') + "_ms";
            if (!GROUP.equals(name.group()) || !latencies.containsKey(key)) {
                continue;
            }
            if (metric.getValue().metricValue() instanceof Double value && !value.isNaN() && !value.isInfinite()) {
                latencies.merge(key, Math.round(value * 10) / 10.0, Math::max);
            }
        }
        return latencies;
    }
}
