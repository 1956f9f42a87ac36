package io.glostream.bench.e2e;

import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.GlostreamSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the output and dead-letter topics read-committed, as a consumer of an exactly-once app should, on a thread
 * of its own, and hands each result to the phase its document belongs to. Output records are told apart by their
 * key (the document id) without decoding their Avro value; dead letters by the input partition and offset they
 * name. Malformed records, whose keys are no document id, belong to the first phase.
 */
public final class ResultCollector implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String outputTopic;
    private final AvroSerde<DeadLetter> deadLetters = GlostreamSerdes.deadLetter();
    private final List<Phase> phases = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /** Subscribes from the earliest offsets and starts reading. */
    public ResultCollector(String bootstrapServers) {
        this.outputTopic = BenchTopics.NAMES.outputTopic();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "glostream-bench-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(outputTopic, BenchTopics.NAMES.deadLetterTopic()));
        thread = new Thread(this::collect, "e2e-results");
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds a phase whose results this collector attributes from now on; the first one added takes malformed records. */
    public void add(Phase phase) {
        phases.add(phase);
    }

    /** The reason reading stopped, if it failed. */
    public RuntimeException failure() {
        return failure;
    }

    private void collect() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long receiveMillis = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
                        throw new IllegalStateException("topic " + record.topic() + " stamps records with "
                                + record.timestampType() + ", not LogAppendTime: create it as BenchTopics does");
                    }
                    accept(record, receiveMillis);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // close() woke the poll up.
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record, long receiveMillis) {
        String id = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        int index = BenchCorpus.indexOf(id);
        Phase phase = phaseOf(index);
        if (record.topic().equals(outputTopic)) {
            if (phase == null) {
                throw new IllegalStateException("a result for '" + id + "', which the benchmark did not send");
            }
            phase.tagged(index, record.timestamp(), receiveMillis);
        } else {
            DeadLetter letter = deadLetters.deserialize(record.topic(), record.value());
            (phase == null ? phaseOfMalformed() : phase).deadLetter(letter.getPartition(), letter.getOffset(), record.timestamp());
        }
    }

    /** The phase a dead letter without a document id belongs to: the first that sent malformed records. */
    private Phase phaseOfMalformed() {
        for (Phase phase : phases) {
            if (phase.malformed() > 0) {
                return phase;
            }
        }
        return phases.get(0);
    }

    private Phase phaseOf(int index) {
        if (index < 0) {
            return null;
        }
        for (Phase phase : phases) {
            if (phase.holds(index)) {
                return phase;
            }
        }
        return null;
    }

    /** Stops reading and closes the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
