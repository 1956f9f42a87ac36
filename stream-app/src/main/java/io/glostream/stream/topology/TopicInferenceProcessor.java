package io.glostream.stream.topology;

import io.glostream.core.features.Features;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.model.TopTopics;
import io.glostream.core.model.TopicModel;
import io.glostream.core.text.ScriptLanguageDetector;
import io.glostream.core.text.UnsupportedLanguageException;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.stream.metrics.StreamMetrics;
import io.glostream.stream.model.ModelHolder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates each input record, buffers the valid ones, and tags them with topics in batches of up to
 * {@code batch.size} documents or after {@code batch.max-wait}, whichever comes first, in offset order.
 *
 * <p>The buffer is a changelogged state store keyed by offset, not a list in memory: under exactly-once
 * the offsets of buffered records are committed with the buffer's changelog in one transaction, so a crash
 * between commit and flush loses nothing and a restarted task flushes the restored buffer. The store is cached,
 * so what reaches the changelog at a commit is the buffer's net change since the last one: a document put
 * and flushed between two commits, the usual case, costs one tombstone instead of a copy of the document
 * and a tombstone. A batch leases one model for all its documents, so a hot swap takes effect between
 * batches and every output names the model that produced it.
 *
 * <p>Records that cannot be tagged become {@link Outcome.Rejected} dead letters carrying the original
 * bytes, partition and offset: undecodable bytes, no value, no id, empty or over-long text, a language
 * the model does not know or cannot be detected, no tokens after analysis.
 *
 * <p>One processor reads one input topic, decoding its records with the topic's {@link DocumentDecoder}; the
 * buffer keeps the records' original bytes, so a dead letter carries them whatever their format.
 */
public final class TopicInferenceProcessor extends ContextualProcessor<byte[], byte[], String, Outcome> {

    /** Name of the buffer store of the documents topic's processor. */
    public static final String BUFFER_STORE = "inference-buffer";

    private static final Logger LOG = LoggerFactory.getLogger(TopicInferenceProcessor.class);

    private final String sourceTopic;
    private final DocumentDecoder decoder;
    private final String bufferStore;
    private final ModelHolder models;
    private final StreamMetrics metrics;
    private final TaggedDocuments tagged;
    private final int batchSize;
    private final Duration maxWait;
    private final int maxTextChars;
    private KeyValueStore<Long, byte[]> buffer;
    private int pending;
    private long oldestArrivalMillis;
    /** When each buffered offset was read, for the hold-time meter; documents restored from the changelog have none. */
    private final Map<Long, Long> readAtMillis = new HashMap<>();
    // the stream thread's clock is cached per loop iteration, so the flush's own work is timed on top of it
    private long flushStartMillis;
    private long flushStartNanos;

    /**
     * One input of the topology: its topic, how its values become documents, and the processor's buffer store.
     *
     * @param topic the input topic, also named by dead letters of documents flushed by the wall-clock timer
     */
    public record Input(String topic, DocumentDecoder decoder, String bufferStore) {
    }

    public TopicInferenceProcessor(Input input, ModelHolder models, StreamMetrics metrics, TaggedDocuments tagged,
            int batchSize, Duration maxWait, int maxTextChars) {
        this.sourceTopic = input.topic();
        this.decoder = input.decoder();
        this.bufferStore = input.bufferStore();
        this.models = models;
        this.metrics = metrics;
        this.tagged = tagged;
        this.batchSize = batchSize;
        this.maxWait = maxWait;
        this.maxTextChars = maxTextChars;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        super.init(context);
        buffer = context.getStateStore(bufferStore);
        pending = countBuffered();
        oldestArrivalMillis = context.currentSystemTimeMs() - maxWait.toMillis();
        Duration tick = Duration.ofMillis(Math.max(1, maxWait.toMillis() / 2));
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::flushIfDue);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context().recordMetadata().orElseThrow();
        long now = context().currentSystemTimeMs();
        metrics.read(now - record.timestamp());
        Validation validation = validate(record);
        metrics.documentIn(validation.lang == null ? "unknown" : validation.lang);
        if (validation.reason != null) {
            reject(validation.key, validation.reason, validation.message, source.topic(), source.partition(),
                    source.offset(), record.key(), record.value(), record.timestamp());
            return;
        }
        buffer.put(source.offset(), new PendingDocument(validation.lang, record.timestamp(), record.key(), record.value())
                .encode());
        readAtMillis.put(source.offset(), now);
        if (pending == 0) {
            oldestArrivalMillis = now;
        }
        pending++;
        if (pending >= batchSize) {
            flush();
        }
    }

    private void flushIfDue(long now) {
        if (pending > 0 && now - oldestArrivalMillis >= maxWait.toMillis()) {
            flush();
        }
    }

    /** Tags every buffered document with one model, in offset order, and empties the buffer. */
    private void flush() {
        flushStartMillis = context().currentSystemTimeMs();
        flushStartNanos = System.nanoTime();
        List<KeyValue<Long, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<Long, byte[]> all = buffer.all()) {
            all.forEachRemaining(entries::add);
        }
        String topic = sourceTopic();
        int partition = context().taskId().partition();
        try (ModelHolder.Lease lease = models.lease()) {
            TopicModel model = lease.model();
            List<Ready> ready = new ArrayList<>();
            for (KeyValue<Long, byte[]> entry : entries) {
                Ready document = featurize(model, entry.key, entry.value, topic, partition);
                if (document != null) {
                    ready.add(document);
                }
            }
            infer(model, ready, topic, partition);
        }
        for (KeyValue<Long, byte[]> entry : entries) {
            buffer.delete(entry.key);
        }
        readAtMillis.clear();
        pending = 0;
    }

    private Ready featurize(TopicModel model, long offset, byte[] stored, String topic, int partition) {
        PendingDocument pendingDocument;
        try {
            pendingDocument = PendingDocument.decode(stored);
        } catch (IllegalArgumentException e) {
            reject(null, DeadLetterReason.PROCESSING_ERROR, "the buffered copy is unreadable: " + e.getMessage(), topic,
                    partition, offset, null, stored, context().currentSystemTimeMs());
            return null;
        }
        Document document;
        try {
            document = decoder.decode(topic, pendingDocument.value(), pendingDocument.timestamp());
        } catch (SerializationException e) {
            rejectPending(pendingDocument, null, DeadLetterReason.UNDECODABLE, e.getMessage(), topic, partition, offset);
            return null;
        }
        long start = System.nanoTime();
        Features features;
        try {
            features = model.featurizer().featurize(pendingDocument.lang(), document.getText());
        } catch (UnsupportedLanguageException e) {
            rejectPending(pendingDocument, document.getId(), DeadLetterReason.UNSUPPORTED_LANGUAGE, "language '"
                    + pendingDocument.lang() + "' is not one of model " + model.version() + "'s " + model.languages(),
                    topic, partition, offset);
            return null;
        } catch (RuntimeException e) {
            rejectPending(pendingDocument, document.getId(), DeadLetterReason.PROCESSING_ERROR, "featurisation failed: " + e,
                    topic, partition, offset);
            return null;
        }
        metrics.featurized(System.nanoTime() - start);
        if (features.bow().tokens() == 0) {
            rejectPending(pendingDocument, document.getId(), DeadLetterReason.EMPTY_TEXT,
                    "no tokens after analysis as " + features.lang(), topic, partition, offset);
            return null;
        }
        return new Ready(offset, pendingDocument, document, features);
    }

    private void infer(TopicModel model, List<Ready> ready, String topic, int partition) {
        if (ready.isEmpty()) {
            return;
        }
        EncoderOutput output;
        long start = System.nanoTime();
        try {
            output = model.infer(ready.stream().map(Ready::features).toList());
        } catch (RuntimeException e) {
            if (ready.size() == 1) {
                Ready alone = ready.get(0);
                rejectPending(alone.pending, alone.document.getId(), DeadLetterReason.PROCESSING_ERROR,
                        "inference failed: " + e, topic, partition, alone.offset);
                return;
            }
            LOG.warn("a batch of {} failed inference ({}); inferring its documents one by one", ready.size(), e.toString());
            for (Ready document : ready) {
                infer(model, List.of(document), topic, partition);
            }
            return;
        }
        metrics.batch(ready.size(), System.nanoTime() - start);
        long flushNanos = System.nanoTime() - flushStartNanos;
        for (int doc = 0; doc < ready.size(); doc++) {
            Ready document = ready.get(doc);
            float[] theta = output.theta(doc);
            DocumentTopics topics = tagged.of(document.document, document.features, theta, model);
            int topTopic = TopTopics.argmax(theta);
            metrics.documentOut(topics.getLang(), topics.getOovRate());
            metrics.topTopic(topics.getLang(), topTopic);
            Long readAt = readAtMillis.get(document.offset);
            if (readAt != null) {
                metrics.held(TimeUnit.MILLISECONDS.toNanos(flushStartMillis - readAt) + flushNanos);
            }
            context().forward(new Record<>(document.document.getId(), new Outcome.Tagged(topics, topTopic),
                    document.pending.timestamp()));
        }
    }

    private Validation validate(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return Validation.rejected(keyText(record.key()), null, DeadLetterReason.MISSING_TEXT, "the record has no value");
        }
        Document document;
        try {
            document = decoder.decode(sourceTopic(), record.value(), record.timestamp());
        } catch (SerializationException e) {
            return Validation.rejected(keyText(record.key()), null, DeadLetterReason.UNDECODABLE, e.getMessage());
        }
        String id = document.getId();
        String lang = document.getLang();
        Optional<DocumentRules.Violation> violation = DocumentRules.check(document, maxTextChars);
        if (violation.isPresent()) {
            String key = id == null || id.isBlank() ? keyText(record.key()) : id;
            return Validation.rejected(key, lang, violation.get().reason(), violation.get().message());
        }
        String text = document.getText();
        try (ModelHolder.Lease lease = models.lease()) {
            TopicModel model = lease.model();
            if (lang == null || lang.isBlank()) {
                Optional<String> detected = new ScriptLanguageDetector(model.languages()).detect(text);
                if (detected.isEmpty()) {
                    return Validation.rejected(id, null, DeadLetterReason.UNKNOWN_LANGUAGE,
                            "no language given and none of " + model.languages() + " detected from the script");
                }
                return Validation.accepted(id, detected.get());
            }
            try {
                int index = model.featurizer().languageIndex(lang);
                return Validation.accepted(id, model.languages().get(index));
            } catch (UnsupportedLanguageException e) {
                return Validation.rejected(id, lang, DeadLetterReason.UNSUPPORTED_LANGUAGE, "language '" + lang
                        + "' is not one of model " + model.version() + "'s " + model.languages());
            }
        }
    }

    private void rejectPending(PendingDocument pendingDocument, String id, DeadLetterReason reason, String message,
            String topic, int partition, long offset) {
        reject(id == null ? keyText(pendingDocument.key()) : id, reason, message, topic, partition, offset,
                pendingDocument.key(), pendingDocument.value(), pendingDocument.timestamp());
    }

    private void reject(String key, DeadLetterReason reason, String message, String topic, int partition, long offset,
            byte[] originalKey, byte[] original, long timestamp) {
        metrics.deadLetter(reason);
        context().forward(new Record<>(key, new Outcome.Rejected(DeadLetters.of(reason, message, topic, partition, offset,
                originalKey, original, Instant.ofEpochMilli(context().currentSystemTimeMs()))), timestamp));
    }

    private String sourceTopic() {
        return context().recordMetadata().map(RecordMetadata::topic).orElse(sourceTopic);
    }

    private int countBuffered() {
        int count = 0;
        try (KeyValueIterator<Long, byte[]> all = buffer.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    private static String keyText(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    private record Ready(long offset, PendingDocument pending, Document document, Features features) {
    }

    private record Validation(String key, String lang, DeadLetterReason reason, String message) {
        static Validation accepted(String id, String lang) {
            return new Validation(id, lang, null, null);
        }

        static Validation rejected(String key, String lang, DeadLetterReason reason, String message) {
            return new Validation(key, lang, reason, message);
        }
    }
}
