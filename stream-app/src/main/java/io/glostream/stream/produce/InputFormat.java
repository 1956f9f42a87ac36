package io.glostream.stream.produce;

import java.util.Locale;
import java.util.Optional;

/** The input formats of {@code produce}. */
public enum InputFormat {
    /** One JSON object per line: {@code {"id", "lang"?, "text", "timestamp"?, "attributes"?}}. */
    JSONL,
    /** RFC 4180 CSV with a header naming a {@code text} column and optionally id, lang, timestamp and attributes. */
    CSV,
    /** One text per line; ids are generated from the input's name and the line number. */
    TXT;

    /** The format a file name's extension implies: .jsonl/.ndjson/.json, .csv, .txt. */
    public static Optional<InputFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".txt")) {
            return Optional.of(TXT);
        }
        return Optional.empty();
    }
}
