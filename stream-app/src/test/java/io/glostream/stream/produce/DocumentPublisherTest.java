package io.glostream.stream.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.GlostreamSerdes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DocumentPublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");

    @Test
    void validDocumentsAreSentKeyedByIdAtTheirTimeAndInvalidOnesCountedByReason() throws Exception {
        MockProducer<String, Document> producer = new MockProducer<>(true, null, new StringSerializer(),
                GlostreamSerdes.document().serializer());
        String input = "{\"id\":\"a\",\"text\":\"x\",\"timestamp\":1000}\n{\"text\":\"no id\"}\n{\"id\":\"b\",\"text\":\"\"}\n"
                + "{\"id\":\"c\",\"text\":\"" + "y".repeat(11) + "\"}\n{\"id\":\"d\",\"text\":\"z\"}\n";
        List<Long> progress = new ArrayList<>();
        ProduceSummary summary;
        try (JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                "en", Clock.fixed(NOW, ZoneOffset.UTC))) {
            summary = new DocumentPublisher(producer, "docs", 10, Rate.parse("1000/s")).publish(reader, progress::add);
        }
        List<ProducerRecord<String, Document>> sent = producer.history();
        assertEquals(List.of("a", "d"), sent.stream().map(ProducerRecord::key).toList());
        assertEquals(List.of(1000L, NOW.toEpochMilli()), sent.stream().map(ProducerRecord::timestamp).toList());
        assertEquals(2, summary.sent());
        assertEquals(3, summary.rejected());
        assertEquals(1, summary.rejected(DeadLetterReason.PROCESSING_ERROR));
        assertEquals(1, summary.rejected(DeadLetterReason.EMPTY_TEXT));
        assertEquals(1, summary.rejected(DeadLetterReason.TEXT_TOO_LONG));
        assertEquals(List.of(2L, 3L, 4L), summary.rejections().stream().map(InputRecord::line).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), progress);
        List<String> lines = summary.lines("docs");
        assertEquals("  line 4: TEXT_TOO_LONG: the text has 11 characters, more than text.max-chars = 10", lines.get(3));
    }

    @Test
    void aRateIsNPerSecondAndSpacesSendsEvenly() {
        assertEquals(250_000_000L, Rate.parse("4/s").offsetNanos(1));
        assertEquals(2_000_000_000L, Rate.parse(" 2.5 ").offsetNanos(5));
        assertEquals("--rate 'fast' is not N/s, e.g. 100/s",
                assertThrows(IllegalArgumentException.class, () -> Rate.parse("fast"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rate.parse("0/s"));
    }
}
