package io.glostream.stream.produce;

import io.glostream.schemas.Document;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;

/**
 * One text per non-blank line. Each document's id is {@code <prefix>-<line>}, so sending the same file again
 * gives the same ids; its timestamp is the time it is read.
 */
public final class TextLinesReader implements DocumentReader {

    private final LineSource source;
    private final String idPrefix;
    private final String lang;
    private final Clock clock;

    /** @param lang the language of every line, or null to let the app detect each one's from its script */
    public TextLinesReader(InputStream in, String idPrefix, String lang, Clock clock) {
        this.source = new LineSource(in);
        this.idPrefix = idPrefix;
        this.lang = lang;
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
            if (!text.isBlank()) {
                return InputRecord.accepted(line, new Document(idPrefix + "-" + line, lang, text, clock.instant(),
                        new LinkedHashMap<>()));
            }
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
