package io.glostream.bench.e2e;

import io.glostream.core.progress.ProgressBar;
import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.Document;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.stream.demo.DemoRun;
import io.glostream.stream.produce.Rate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes a phase's documents to the documents topic as Avro {@code Document}s keyed by id, each record and
 * document stamped with the time it was handed to the producer (the topic's LogAppendTime then replaces the
 * record's, and each acknowledgement tells the phase when the broker appended it), and the phase's malformed records (the demo's
 * kinds, in turn: undecodable bytes, empty and over-long text, unsupported and undetectable language, no value).
 *
 * <p>Every send is checked: a record the broker never took would leave the run waiting for a result that cannot
 * come, so {@link #preload} and {@link #paced} fail instead, naming the first error. On a loaded machine a broker
 * can take longer than the client's default 30 s to answer, and an idempotent producer with several requests in
 * flight was then seen refused with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} (incoming sequence 0 against an end
 * sequence in the hundreds) until its batches expired: the timeouts here are long, and one request is in flight at a
 * time, so a retried batch can only be a duplicate the broker recognises, never overtaken by a later one.
 */
public final class DocumentSender implements AutoCloseable {

    private static final int REQUEST_TIMEOUT_MS = 120_000;
    private static final int DELIVERY_TIMEOUT_MS = 600_000;

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Callback onSent = (metadata, e) -> {
        if (e != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e);
        }
    };
    private final String topic = BenchTopics.NAMES.documentsTopic();
    private final AvroSerde<Document> documents = GlostreamSerdes.document();
    private final int maxTextChars = BenchTopics.NAMES.maxTextChars();

    /**
     * @param lingerMillis the producer's {@code linger.ms}: a few milliseconds for bulk loading, 0 when paced
     */
    public DocumentSender(String bootstrapServers, int lingerMillis) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends every document and malformed record of {@code phase} as fast as the producer takes them, then flushes.
     *
     * @throws IllegalStateException when any of them could not be written
     */
    public void preload(BenchCorpus corpus, Phase phase, ProgressBar progress) {
        for (int i = 0; i < phase.documents(); i++) {
            send(corpus.document(phase.firstIndex() + i), phase);
            progress.step(1);
        }
        List<ProducerRecord<byte[], byte[]>> kinds = DemoRun.malformed(topic, maxTextChars);
        for (int i = 0; i < phase.malformed(); i++) {
            ProducerRecord<byte[], byte[]> kind = kinds.get(i % kinds.size());
            producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), kind.key(), kind.value()), onSent);
            progress.step(1);
        }
        flushAndCheck();
    }

    /**
     * Sends the documents of {@code phase} at {@code rate}, each at its slot on the schedule (late ones at once, so
     * a stall does not lower the average rate), then flushes. Runs {@code atMeasuredStart} just before the first
     * measured document (after the phase's {@link Phase#unmeasured} ones) goes out.
     *
     * @throws IllegalStateException when any of them could not be written
     */
    public void paced(BenchCorpus corpus, Phase phase, Rate rate, Runnable atMeasuredStart) {
        long start = System.nanoTime();
        for (int i = 0; i < phase.documents(); i++) {
            long wait = start + rate.offsetNanos(i) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i == phase.unmeasured()) {
                atMeasuredStart.run();
            }
            send(corpus.document(phase.firstIndex() + i), phase);
        }
        flushAndCheck();
    }

    private void send(BenchCorpus.BenchDocument document, Phase phase) {
        long now = System.currentTimeMillis();
        byte[] value = documents.serialize(topic, Document.newBuilder().setId(document.id())
                .setLang(document.lang()).setText(document.text()).setTimestamp(Instant.ofEpochMilli(now))
                .setAttributes(Map.of("source", "e2e")).build());
        phase.sent(document.index(), now);
        int index = document.index();
        producer.send(new ProducerRecord<>(topic, null, now, document.id().getBytes(StandardCharsets.UTF_8), value),
                (metadata, e) -> {
                    onSent.onCompletion(metadata, e);
                    if (e == null) {
                        phase.inputAppended(index, metadata.timestamp());
                    }
                });
    }

    /**
     * @throws IllegalStateException when any record sent so far could not be written
     */
    private void flushAndCheck() {
        producer.flush();
        if (failed.get() > 0) {
            Exception first = firstFailure.get();
            throw new IllegalStateException(failed.get() + " records could not be written to " + topic + ": "
                    + first.getMessage(), first);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofMinutes(1));
    }
}
