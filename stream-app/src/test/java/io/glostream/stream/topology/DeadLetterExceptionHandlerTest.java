package io.glostream.stream.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.stream.metrics.StreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterExceptionHandlerTest {

    private static final byte[] KEY = {1, 2};
    private static final byte[] VALUE = {3, 4, 5};

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();

    @BeforeEach
    void configure() {
        handler.configure(Map.of(DeadLetterExceptionHandler.TOPIC_CONFIG, "dlq",
                DeadLetterExceptionHandler.METRICS_CONFIG, new StreamMetrics(registry)));
    }

    @Test
    void anUnexpectedProcessingFailureDeadLettersTheSourceRecordAndResumes() {
        ProcessingExceptionHandler.Response response = handler.handleError(context(), new Record<>("k", "v", 0L),
                new IllegalStateException("boom"));
        assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
        assertEquals(1, response.deadLetterQueueRecords().size());
        ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
        assertEquals("dlq", record.topic());
        assertArrayEquals(KEY, record.key());
        DeadLetter letter = GlostreamSerdes.deadLetter().deserialize("dlq", record.value());
        assertEquals(DeadLetterReason.PROCESSING_ERROR, letter.getReason());
        assertEquals("processing failed: java.lang.IllegalStateException: boom", letter.getMessage());
        assertEquals("documents", letter.getSourceTopic());
        assertEquals(2, letter.getPartition());
        assertEquals(17L, letter.getOffset());
        assertArrayEquals(VALUE, bytes(letter.getOriginal()));
        assertArrayEquals(KEY, bytes(letter.getOriginalKey()));
        assertEquals(1.0, registry.get("glostream.dead.letters").tag("reason", "PROCESSING_ERROR").counter().count());
    }

    @Test
    void aResultThatCannotBeWrittenIsDeadLettered() {
        ProductionExceptionHandler.Response response = handler.handleError(context(),
                new ProducerRecord<>("document-topics", new byte[1], new byte[1]), new RecordTooLargeException("too big"));
        assertEquals(ProductionExceptionHandler.Result.RESUME, response.result());
        DeadLetter letter = GlostreamSerdes.deadLetter().deserialize("dlq",
                response.deadLetterQueueRecords().get(0).value());
        assertTrue(letter.getMessage().startsWith("could not write the result to document-topics: "), letter.getMessage());
    }

    @Test
    void aDeadLetterThatCannotBeWrittenStopsTheTaskRatherThanVanish() {
        ProductionExceptionHandler.Response response = handler.handleError(context(),
                new ProducerRecord<>("dlq", new byte[1], new byte[1]), new RecordTooLargeException("too big"));
        assertEquals(ProductionExceptionHandler.Result.FAIL, response.result());
    }

    @Test
    void theTopicMustBeConfigured() {
        assertThrows(IllegalArgumentException.class, () -> new DeadLetterExceptionHandler().configure(Map.of()));
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "documents";
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 17;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "infer";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 2);
            }

            @Override
            public long timestamp() {
                return 1000;
            }

            @Override
            public byte[] sourceRawKey() {
                return KEY;
            }

            @Override
            public byte[] sourceRawValue() {
                return VALUE;
            }
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
