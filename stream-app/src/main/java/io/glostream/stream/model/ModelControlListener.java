package io.glostream.stream.model;

import io.glostream.core.model.TopicModel;
import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.schemas.ModelRef;
import io.glostream.stream.metrics.StreamMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted control topic for one model name and swaps in each newly announced bundle once it
 * has loaded and verified beside the serving one. A bundle that fails, or that drops a language the serving
 * model tags (see {@link ModelLoader}), is refused, logged and counted, and the serving model stays. Every
 * instance runs its own listener over the whole topic (no consumer group), so all of
 * them follow every announcement.
 */
public final class ModelControlListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelControlListener.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final String modelName;
    private final ModelLoader loader;
    private final StreamMetrics metrics;
    private final AvroSerde<ModelRef> serde = GlostreamSerdes.modelRef();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ModelHolder holder;
    private String servingSha256;
    private Thread thread;

    /**
     * @param kafka client settings (bootstrap servers, security...)
     */
    public ModelControlListener(Map<String, Object> kafka, String topic, String modelName, ModelLoader loader,
            StreamMetrics metrics) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.modelName = modelName;
        this.loader = loader;
        this.metrics = metrics;
    }

    /**
     * Reads the control topic from its start to its current end and returns the latest announcement for
     * the model name, if any. Call before {@link #start}.
     */
    public Optional<ModelRef> latestAnnouncement(Duration timeout) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("control topic " + topic + " does not exist");
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        ModelRef latest = null;
        while (!caughtUp(ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read control topic " + topic + " to its end within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                ModelRef ref = announcement(record);
                if (ref != null) {
                    latest = ref;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Follows announcements from where {@link #latestAnnouncement} stopped, swapping models in {@code holder}. */
    public void start(ModelHolder modelHolder, String sha256OfServing) {
        this.holder = modelHolder;
        this.servingSha256 = sha256OfServing;
        thread = new Thread(this::follow, "glostream-model-control");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    ModelRef ref = announcement(record);
                    if (ref != null) {
                        apply(ref);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("the model control listener stopped; the serving model stays until restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    private void apply(ModelRef ref) {
        if (ref.getSha256().equalsIgnoreCase(servingSha256)) {
            return;
        }
        TopicModel next;
        try {
            next = loader.load(modelName, ref, holder.languages());
        } catch (ModelRefusedException e) {
            metrics.modelRefused();
            LOG.warn("refused model {} {}: {}; still serving {}", modelName, ref.getVersion(), e.getMessage(),
                    holder.version());
            return;
        }
        String previous = holder.version();
        holder.swap(next);
        servingSha256 = next.manifestSha256();
        metrics.modelServing(next.version(), true);
        LOG.info("model {} swapped: {} -> {}", modelName, previous, next.version());
    }

    private ModelRef announcement(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || !modelName.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            return null;
        }
        if (record.value() == null) {
            return null;
        }
        try {
            return serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            metrics.modelRefused();
            LOG.warn("ignored an undecodable announcement at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (thread == null) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        stopped.await(10, TimeUnit.SECONDS);
    }
}
