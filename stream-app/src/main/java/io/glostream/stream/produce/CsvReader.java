package io.glostream.stream.produce;

import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Documents from CSV with a header row. The header must name a {@code text} column; {@code id}, {@code lang}
 * and {@code timestamp} (epoch milliseconds or an ISO-8601 instant) are optional (names are case-insensitive),
 * and every other column becomes an attribute of the documents whose cell in it is not empty. Without an id
 * column, ids are {@code <prefix>-<line>}; an empty lang cell takes the default language, an empty timestamp
 * the time the row is read.
 */
public final class CsvReader implements DocumentReader {

    private static final Set<String> FIELDS = Set.of("id", "lang", "text", "timestamp");

    private final CsvParser parser;
    private final String idPrefix;
    private final String defaultLang;
    private final Clock clock;
    private List<String> columns;

    /**
     * @param defaultLang the language of rows that give none, or null to let the app detect it
     */
    public CsvReader(InputStream in, String idPrefix, String defaultLang, Clock clock) {
        this.parser = new CsvParser(in);
        this.idPrefix = idPrefix;
        this.defaultLang = defaultLang;
        this.clock = clock;
    }

    /**
     * @throws IOException if the header is malformed, has no text column or names a column twice
     */
    @Override
    public InputRecord next() throws IOException {
        if (columns == null && !readHeader()) {
            return null;
        }
        CsvParser.Row row = parser.next();
        if (row == null) {
            return null;
        }
        if (row.error() != null) {
            return InputRecord.rejected(row.line(), DeadLetterReason.UNDECODABLE, "malformed CSV: " + row.error());
        }
        if (row.fields().size() != columns.size()) {
            return InputRecord.rejected(row.line(), DeadLetterReason.UNDECODABLE, "the row has " + row.fields().size()
                    + " fields, the header " + columns.size());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        String id = null;
        String lang = null;
        String text = null;
        Instant timestamp = null;
        boolean hasId = false;
        for (int i = 0; i < columns.size(); i++) {
            String value = row.fields().get(i);
            switch (columns.get(i)) {
                case "id" -> {
                    hasId = true;
                    id = value.isBlank() ? null : value.strip();
                }
                case "lang" -> lang = value.isBlank() ? null : value.strip();
                case "text" -> text = value;
                case "timestamp" -> {
                    if (!value.isBlank()) {
                        try {
                            timestamp = timestamp(value.strip());
                        } catch (DateTimeParseException | NumberFormatException e) {
                            return InputRecord.rejected(row.line(), DeadLetterReason.UNDECODABLE, "timestamp '" + value
                                    + "' is neither epoch milliseconds nor an ISO-8601 instant such as 2026-11-27T10:15:00Z");
                        }
                    }
                }
                default -> {
                    if (!value.isEmpty()) {
                        attributes.put(columns.get(i), value);
                    }
                }
            }
        }
        return InputRecord.accepted(row.line(), new Document(hasId ? id : idPrefix + "-" + row.line(),
                lang == null ? defaultLang : lang, text, timestamp == null ? clock.instant() : timestamp, attributes));
    }

    private boolean readHeader() throws IOException {
        CsvParser.Row header = parser.next();
        if (header == null) {
            return false;
        }
        if (header.error() != null) {
            throw new IOException("line " + header.line() + ": malformed CSV header: " + header.error());
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String field : header.fields()) {
            String name = field.strip();
            String known = name.toLowerCase(Locale.ROOT);
            name = FIELDS.contains(known) ? known : name;
            if (!seen.add(name)) {
                throw new IOException("line " + header.line() + ": the CSV header names column '" + name + "' twice");
            }
            names.add(name);
        }
        if (!seen.contains("text")) {
            throw new IOException("line " + header.line() + ": the CSV header " + names + " has no text column");
        }
        columns = names;
        return true;
    }

    private static Instant timestamp(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        return Instant.parse(value);
    }

    @Override
    public long linesRead() {
        return parser.linesRead();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
