package io.glostream.stream.testing;

import io.glostream.stream.broker.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;

/**
 * One embedded Kafka broker for every test in this JVM: started on first use, stopped by a shutdown hook. Tests
 * share it, so each test works on topics of its own ({@link #uniqueName(String)}).
 */
public final class SharedKafka {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedKafkaBroker broker;

    private SharedKafka() {
    }

    /** The shared broker, started now if this is the first call in the JVM. */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-shutdown"));
            broker = started;
        }
        return broker;
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** A name no other call in this JVM returned, for a topic, group or transactional id of one test. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** Creates a topic with one replica and returns once its partitions have a leader. */
    public static void createTopic(String name, int partitions) {
        broker().createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    /** See {@link KafkaTestClients#producer(String)}. */
    public static KafkaProducer<byte[], byte[]> producer() {
        return KafkaTestClients.producer(bootstrapServers());
    }

    /** See {@link KafkaTestClients#transactionalProducer(String, String)}. */
    public static KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
        return KafkaTestClients.transactionalProducer(bootstrapServers(), transactionalId);
    }

    /** Reads committed records of {@code topic} until {@code count} arrived; see {@link KafkaTestClients#drain}. */
    public static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int count, Duration timeout) {
        return KafkaTestClients.drain(bootstrapServers(), topic, IsolationLevel.READ_COMMITTED, count, timeout);
    }
}
