package io.glostream.stream.topology;

import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.stream.metrics.StreamMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net under the topology, through Kafka Streams' own dead-letter support (KIP-1034): an
 * exception nobody expected while processing a record, or a result the producer cannot write, sends the
 * source record to the dead-letter topic as a {@code PROCESSING_ERROR} with the exception as its message,
 * in the same transaction, and the application goes on. Expected rejections never get here: the processor
 * dead-letters them with their own reasons. A record that cannot be written to the dead-letter topic
 * itself stops the task rather than vanish.
 */
public final class DeadLetterExceptionHandler implements ProcessingExceptionHandler, ProductionExceptionHandler {

    /** Config key of the dead-letter topic. */
    public static final String TOPIC_CONFIG = "glostream.dead-letters.topic";
    /** Config key of the {@link StreamMetrics} instance that counts dead letters (optional). */
    public static final String METRICS_CONFIG = "glostream.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private final AvroSerde<DeadLetter> serde = GlostreamSerdes.deadLetter();
    private String topic;
    private StreamMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(TOPIC_CONFIG);
        if (!(configured instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException(TOPIC_CONFIG + " must name the dead-letter topic");
        }
        topic = name;
        metrics = configs.get(METRICS_CONFIG) instanceof StreamMetrics given ? given : null;
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        LOG.warn("processing {}-{}@{} failed; dead-lettered", context.topic(), context.partition(), context.offset(),
                exception);
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, "processing failed: " + exception)));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
            ProducerRecord<byte[], byte[]> record, Exception exception) {
        return produced(context, record, "could not write the result to " + record.topic() + ": " + exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        return produced(context, record, "could not serialise the result for " + record.topic() + ": " + exception);
    }

    private ProductionExceptionHandler.Response produced(ErrorHandlerContext context, ProducerRecord<?, ?> record,
            String message) {
        if (topic.equals(record.topic())) {
            LOG.error("a dead letter for {}-{}@{} could not be written; stopping rather than losing it: {}",
                    context.topic(), context.partition(), context.offset(), message);
            return ProductionExceptionHandler.Response.fail();
        }
        LOG.warn("{}-{}@{}: {}; dead-lettered", context.topic(), context.partition(), context.offset(), message);
        return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context, message)));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, String message) {
        DeadLetter letter = DeadLetters.of(DeadLetterReason.PROCESSING_ERROR, message, context.topic(),
                context.partition(), context.offset(), context.sourceRawKey(), context.sourceRawValue(), Instant.now());
        if (metrics != null) {
            metrics.deadLetter(DeadLetterReason.PROCESSING_ERROR);
        }
        return new ProducerRecord<>(topic, null, context.timestamp() < 0 ? null : context.timestamp(),
                context.sourceRawKey(), serde.serialize(topic, letter));
    }
}
