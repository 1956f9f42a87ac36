package io.glostream.stream.produce;

import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import java.util.Objects;

/**
 * One record read from a producer's input: the document it holds, or why it holds none, with the line it
 * starts on (1-based) so a rejection names the place to fix.
 */
public record InputRecord(long line, Document document, DeadLetterReason reason, String problem) {

    public InputRecord {
        if ((document == null) == (reason == null)) {
            throw new IllegalArgumentException("an input record holds either a document or a rejection reason");
        }
    }

    public static InputRecord accepted(long line, Document document) {
        return new InputRecord(line, Objects.requireNonNull(document, "document"), null, null);
    }

    public static InputRecord rejected(long line, DeadLetterReason reason, String problem) {
        return new InputRecord(line, null, Objects.requireNonNull(reason, "reason"), problem);
    }

    public boolean isAccepted() {
        return document != null;
    }
}
