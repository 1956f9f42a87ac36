package io.glostream.stream.produce;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, row by row: fields separated by commas, quoted fields may hold commas, line breaks and doubled
 * quotes ({@code ""} for one {@code "}); CRLF, LF or CR line ends; a leading byte-order mark is dropped. Blank
 * lines are skipped. A row that breaks the format (text after a closing quote, a quote never closed) comes back
 * with an error, and reading goes on at the next line.
 */
public final class CsvParser implements Closeable {

    /** One row: the line it starts on, its fields, and, for a malformed row, what is wrong (fields then partial). */
    public record Row(long line, List<String> fields, String error) {
    }

    private final LineSource source;

    public CsvParser(InputStream in) {
        this.source = new LineSource(in);
    }

    /** The next row, or null at the end of the input. */
    public Row next() throws IOException {
        while (true) {
            long line = source.line();
            int c = source.read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                continue;
            }
            return row(line, c);
        }
    }

    private Row row(long line, int first) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int c = first;
        while (true) {
            if (c == '"') {
                String error = quoted(field);
                if (error != null) {
                    fields.add(field.toString());
                    return new Row(line, fields, error);
                }
                c = source.read();
                if (c != ',' && c != '\n' && c != -1) {
                    fields.add(field.toString());
                    skipLine();
                    return new Row(line, fields, "text after the closing quote of field " + fields.size());
                }
            } else {
                while (c != ',' && c != '\n' && c != -1) {
                    field.append((char) c);
                    c = source.read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c != ',') {
                return new Row(line, fields, null);
            }
            c = source.read();
        }
    }

    /** Reads a quoted field's content after its opening quote, up to and including the closing one. */
    private String quoted(StringBuilder field) throws IOException {
        while (true) {
            int c = source.read();
            if (c == -1) {
                return "a quoted field is never closed";
            }
            if (c == '"') {
                if (source.peek() != '"') {
                    return null;
                }
                source.read();
            }
            field.append((char) c);
        }
    }

    private void skipLine() throws IOException {
        int c = source.read();
        while (c != '\n' && c != -1) {
            c = source.read();
        }
    }

    /** Lines consumed so far. */
    public long linesRead() {
        return source.linesRead();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
