package io.glostream.stream.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class LineReadersTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void jsonLinesTakeTheDefaultLanguageAndTimeOnlyWhenTheyGiveNone() throws IOException {
        List<InputRecord> records = read(new JsonLinesReader(in("\uFEFF{\"id\":\"a\",\"text\":\"x\"}\n\n"
                + "{\"id\":\"b\",\"lang\":\"zh\",\"text\":\"股市\",\"timestamp\":5,\"attributes\":{\"stars\":4}}\n"),
                "en", CLOCK));
        assertEquals(new Document("a", "en", "x", NOW, Map.of()), records.get(0).document());
        assertEquals(new Document("b", "zh", "股市", Instant.ofEpochMilli(5), Map.of("stars", "4")),
                records.get(1).document());
        assertEquals(3, records.get(1).line());
    }

    @Test
    void aMalformedJsonLineIsRejectedAsUndecodableWithTheParseError() throws IOException {
        List<InputRecord> records = read(new JsonLinesReader(in("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\": \"b\", text}\n"
                + "[1]\n"), null, CLOCK));
        assertEquals(DeadLetterReason.UNDECODABLE, records.get(1).reason());
        assertEquals(2, records.get(1).line());
        assertTrue(records.get(1).problem().contains("malformed JSON"), records.get(1).problem());
        assertTrue(records.get(1).problem().contains("line 1, column"), records.get(1).problem());
        assertTrue(records.get(2).problem().endsWith("expected a JSON object, got an array"), records.get(2).problem());
    }

    @Test
    void textLinesGetIdsFromThePrefixAndLineAndSkipBlankLines() throws IOException {
        List<InputRecord> records = read(new TextLinesReader(in("\uFEFFfirst\r\n\r\n  \nfourth"), "feed", "en", CLOCK));
        assertEquals(List.of(new Document("feed-1", "en", "first", NOW, Map.of()),
                new Document("feed-4", "en", "fourth", NOW, Map.of())),
                records.stream().map(InputRecord::document).toList());
    }

    @Test
    void bytesThatAreNotUtf8StopTheInputNamingTheLine() {
        byte[] latin1 = "ok\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        IOException e = assertThrows(IOException.class,
                () -> read(new TextLinesReader(new ByteArrayInputStream(latin1), "f", null, CLOCK)));
        assertEquals("line 2 is not UTF-8 text", e.getMessage());
    }

    @Test
    void anEmptyInputHasNoRecords() throws IOException {
        assertEquals(List.of(), read(new JsonLinesReader(in(""), null, CLOCK)));
        try (CsvReader reader = new CsvReader(in(""), "p", null, CLOCK)) {
            assertNull(reader.next());
        }
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<InputRecord> read(DocumentReader reader) throws IOException {
        List<InputRecord> records = new ArrayList<>();
        try (reader) {
            InputRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }
}
