package io.glostream.stream.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");

    @Test
    void knownColumnsAreFieldsAnyCaseAndOtherColumnsAttributes() throws IOException {
        List<InputRecord> records = read("\uFEFFID,Text,lang,source,timestamp\n"
                + "a1,\"markets, rallied\",en,wire,2026-01-02T03:04:05Z\n"
                + "a2,股市,,,1700000000000\n", "en");
        assertEquals(new Document("a1", "en", "markets, rallied", Instant.parse("2026-01-02T03:04:05Z"),
                Map.of("source", "wire")), records.get(0).document());
        assertEquals(new Document("a2", "en", "股市", Instant.ofEpochMilli(1_700_000_000_000L), Map.of()),
                records.get(1).document());
    }

    @Test
    void withoutAnIdColumnIdsAreThePrefixAndTheLineARowStartsOn() throws IOException {
        List<InputRecord> records = read("text\n\"two\nlines\"\nthree\n", null);
        assertEquals("news-2", records.get(0).document().getId());
        assertEquals("news-4", records.get(1).document().getId());
        assertNull(records.get(1).document().getLang());
        assertEquals(NOW, records.get(1).document().getTimestamp());
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndGoodOnesStillRead() throws IOException {
        List<InputRecord> records = read("id,text,timestamp\nx,1,2,3\ny,\"a\"b,\nz,ok,yesterday\nw,fine,\n", null);
        assertEquals(List.of(2L, 3L, 4L, 5L), records.stream().map(InputRecord::line).toList());
        assertEquals("the row has 4 fields, the header 3", records.get(0).problem());
        assertEquals(DeadLetterReason.UNDECODABLE, records.get(1).reason());
        assertEquals(DeadLetterReason.UNDECODABLE, records.get(2).reason());
        assertEquals("fine", records.get(3).document().getText());
    }

    @Test
    void anEmptyIdCellLeavesTheIdMissingForValidationToReject() throws IOException {
        assertNull(read("id,text\n,orphan\n", null).get(0).document().getId());
    }

    @Test
    void aHeaderWithoutTextOrWithADuplicateColumnStopsTheInput() {
        IOException noText = assertThrows(IOException.class, () -> read("id,body\n1,x\n", null));
        assertEquals("line 1: the CSV header [id, body] has no text column", noText.getMessage());
        IOException twice = assertThrows(IOException.class, () -> read("text,TEXT\n", null));
        assertEquals("line 1: the CSV header names column 'text' twice", twice.getMessage());
    }

    private static List<InputRecord> read(String csv, String lang) throws IOException {
        List<InputRecord> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "news",
                lang, Clock.fixed(NOW, ZoneOffset.UTC))) {
            InputRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }
}
