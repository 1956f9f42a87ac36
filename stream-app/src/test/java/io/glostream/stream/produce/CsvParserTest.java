package io.glostream.stream.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() throws IOException {
        List<CsvParser.Row> rows = parse("id,text\n1,\"one, two\"\n2,\"say \"\"hi\"\"\nand go\"\n3,plain\n");
        assertEquals(List.of(
                new CsvParser.Row(1, List.of("id", "text"), null),
                new CsvParser.Row(2, List.of("1", "one, two"), null),
                new CsvParser.Row(3, List.of("2", "say \"hi\"\nand go"), null),
                new CsvParser.Row(5, List.of("3", "plain"), null)), rows);
    }

    @Test
    void crlfAndLoneCrEndRowsAndALineBreakInQuotesBecomesLf() throws IOException {
        assertEquals(List.of(
                new CsvParser.Row(1, List.of("a", "b"), null),
                new CsvParser.Row(2, List.of("c", "d\ne"), null),
                new CsvParser.Row(4, List.of("f", ""), null)), parse("a,b\r\nc,\"d\r\ne\"\rf,"));
    }

    @Test
    void aByteOrderMarkIsDroppedAndBlankLinesSkipped() throws IOException {
        assertEquals(List.of(
                new CsvParser.Row(1, List.of("text"), null),
                new CsvParser.Row(3, List.of("x"), null)), parse("\uFEFFtext\n\nx\n\n"));
    }

    @Test
    void emptyAndQuotedEmptyFieldsAreEmptyStrings() throws IOException {
        assertEquals(List.of(new CsvParser.Row(1, List.of("", "", "", ""), null)), parse(",\"\",,\"\""));
    }

    @Test
    void textAfterAClosingQuoteIsReportedAndReadingGoesOnAtTheNextLine() throws IOException {
        List<CsvParser.Row> rows = parse("\"a\"b,c\nd,e\n");
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).line());
        assertEquals("text after the closing quote of field 1", rows.get(0).error());
        assertEquals(new CsvParser.Row(2, List.of("d", "e"), null), rows.get(1));
    }

    @Test
    void aQuoteNeverClosedIsReportedOnTheLineItOpens() throws IOException {
        List<CsvParser.Row> rows = parse("a,b\nc,\"never\nclosed\n");
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(1).line());
        assertEquals("a quoted field is never closed", rows.get(1).error());
    }

    @Test
    void linesReadCountsALastLineWithoutBreak() throws IOException {
        try (CsvParser parser = parser("a\nb\nc")) {
            while (parser.next() != null) {
                // read to the end
            }
            assertEquals(3, parser.linesRead());
            assertNull(parser.next());
        }
    }

    private static List<CsvParser.Row> parse(String csv) throws IOException {
        List<CsvParser.Row> rows = new ArrayList<>();
        try (CsvParser parser = parser(csv)) {
            CsvParser.Row row;
            while ((row = parser.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static CsvParser parser(String csv) {
        return new CsvParser(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
