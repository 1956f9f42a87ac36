package io.glostream.stream.produce;

import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.UndecodableRecordException;
import io.glostream.stream.topology.JsonDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * JSON lines: each non-blank line one document object as {@link JsonDocuments} reads it (what the JSON ingress
 * topic takes). A document without a language takes the default, if any; without a timestamp, the time it is read.
 */
public final class JsonLinesReader implements DocumentReader {

    private final LineSource source;
    private final String defaultLang;
    private final Clock clock;

    /** @param defaultLang the language of documents that give none, or null to let the app detect it */
    public JsonLinesReader(InputStream in, String defaultLang, Clock clock) {
        this.source = new LineSource(in);
        this.defaultLang = defaultLang;
        this.clock = clock;
    }

    @Override
    public InputRecord next() throws IOException {
        while (true) {
            long line = source.line();
            String text = source.readLine();
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                continue;
            }
            Document document;
            try {
                document = JsonDocuments.parse(text.getBytes(StandardCharsets.UTF_8), clock.instant());
            } catch (UndecodableRecordException e) {
                return InputRecord.rejected(line, DeadLetterReason.UNDECODABLE, e.getMessage());
            }
            if (document.getLang() == null) {
                document.setLang(defaultLang);
            }
            return InputRecord.accepted(line, document);
        }
    }

    @Override
    public long linesRead() {
        return source.linesRead();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
