package io.glostream.bench.e2e;

import io.glostream.stream.config.StreamSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of a benchmark run, with the app's default names. The documents, output and dead-letter topics stamp
 * their records with the broker's append time ({@code LogAppendTime}): the app forwards every result with its input
 * document's timestamp, so under the default {@code CreateTime} an output record would carry the input's time
 * and say nothing about when the result was written; and the input's append time, which the sender learns from
 * each acknowledgement, splits a document's latency into the harness's and broker's part and the app's.
 */
public final class BenchTopics {

    /** The app's settings with every topic name at its default. */
    public static final StreamSettings NAMES = StreamSettings.of(Map.of());

    private BenchTopics() {
    }

    /** Documents, output, dead letters and trends with {@code partitions} partitions each; the compacted control topic. */
    public static List<NewTopic> of(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        Map<String, String> appendTime = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(NAMES.documentsTopic(), partitions, (short) 1).configs(appendTime));
        topics.add(new NewTopic(NAMES.outputTopic(), partitions, (short) 1).configs(appendTime));
        topics.add(new NewTopic(NAMES.deadLetterTopic(), partitions, (short) 1).configs(appendTime));
        topics.add(new NewTopic(NAMES.trendsTopic(), partitions, (short) 1));
        topics.add(new NewTopic(NAMES.modelsTopic(), 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return topics;
    }
}
