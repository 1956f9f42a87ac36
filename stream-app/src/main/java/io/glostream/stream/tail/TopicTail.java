package io.glostream.stream.tail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows one topic and writes its records as they arrive, decoded by a {@link RecordView}. It reads every
 * partition without a consumer group (it commits nothing, so it never disturbs the app or other consumers),
 * from the start or from the end, until it has written {@code max} records, nothing arrived for
 * {@code idleTimeout}, or {@link #stop} is called. A record it cannot decode is written as one line saying so
 * (JSON: {@code {"error", "topic", "partition", "offset"}}) and tailing goes on.
 */
public final class TopicTail {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final RecordView view;
    private final TailFormat format;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean stopped;

    /** What a tail did: records written and, of those, records it could not decode. */
    public record Result(long written, long undecodable) {
    }

    /**
     * @param clientConfig Kafka client settings (bootstrap servers, security), plus the isolation level
     */
    public TopicTail(Map<String, Object> clientConfig, String topic, RecordView view, TailFormat format) {
        this.clientConfig = new HashMap<>(clientConfig);
        this.topic = topic;
        this.view = view;
        this.format = format;
    }

    /**
     * Tails the topic, writing to {@code out}.
     *
     * @param max the most records to write, or 0 for no limit
     * @param idleTimeout how long to wait for a record before stopping, or null to wait until stopped
     * @throws IllegalStateException when the topic does not exist or the cluster cannot be reached
     */
    public Result run(PrintWriter out, boolean fromBeginning, long max, Duration idleTimeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        long written = 0;
        long undecodable = 0;
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            if (fromBeginning) {
                kafka.seekToBeginning(partitions);
            } else {
                kafka.seekToEnd(partitions);
                partitions.forEach(kafka::position);
            }
            format.heading(view).forEach(out::println);
            out.flush();
            long lastRecord = System.nanoTime();
            while (!stopped && (max == 0 || written < max)) {
                boolean any = false;
                for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                    any = true;
                    if (max != 0 && written >= max) {
                        break;
                    }
                    if (!write(out, record)) {
                        undecodable++;
                    }
                    written++;
                }
                out.flush();
                if (any) {
                    lastRecord = System.nanoTime();
                } else if (idleTimeout != null && System.nanoTime() - lastRecord >= idleTimeout.toNanos()) {
                    break;
                }
            }
        } catch (WakeupException e) {
            // stop() interrupted a poll: the tail ends normally.
        } finally {
            consumer = null;
        }
        out.flush();
        return new Result(written, undecodable);
    }

    /** Ends a running tail after its current poll (safe from another thread, e.g. a shutdown hook). */
    public void stop() {
        stopped = true;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private boolean write(PrintWriter out, ConsumerRecord<byte[], byte[]> record) {
        ObjectNode json;
        try {
            json = view.json(record);
        } catch (SerializationException | IllegalArgumentException e) {
            if (format == TailFormat.JSON) {
                ObjectNode error = Json.object();
                error.put("error", e.getMessage());
                error.put("topic", record.topic());
                error.put("partition", record.partition());
                error.put("offset", record.offset());
                out.println(Json.line(error));
            } else {
                out.printf("! %s-%d@%d: %s%n", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
            return false;
        }
        out.println(format.line(view, json));
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> kafka) {
        List<PartitionInfo> infos;
        try {
            infos = kafka.partitionsFor(topic, METADATA_TIMEOUT);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("cannot reach the cluster at " + clientConfig.get(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + " within " + METADATA_TIMEOUT.toSeconds() + " s", e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("no topic " + topic + " at " + clientConfig.get(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }
}
