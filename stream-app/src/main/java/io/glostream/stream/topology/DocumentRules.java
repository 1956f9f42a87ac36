package io.glostream.stream.topology;

import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import java.util.Optional;

/**
 * The checks every document passes before it is analysed, whatever language it is in: an id, a text that is
 * not empty and not over {@code text.max-chars}. The stream app dead-letters a document that fails them;
 * {@code produce} rejects it before sending, with the same reason.
 */
public final class DocumentRules {

    /** Why a document fails the rules, in the dead-letter vocabulary. */
    public record Violation(DeadLetterReason reason, String message) {
    }

    private DocumentRules() {
    }

    /** The first rule {@code document} breaks, if any. */
    public static Optional<Violation> check(Document document, int maxTextChars) {
        String id = document.getId();
        if (id == null || id.isBlank()) {
            return Optional.of(new Violation(DeadLetterReason.PROCESSING_ERROR, "the document has no id"));
        }
        String text = document.getText();
        if (text == null) {
            return Optional.of(new Violation(DeadLetterReason.MISSING_TEXT, "the document has no text"));
        }
        if (text.isBlank()) {
            return Optional.of(new Violation(DeadLetterReason.EMPTY_TEXT, "the text is empty or only whitespace"));
        }
        if (text.length() > maxTextChars) {
            return Optional.of(new Violation(DeadLetterReason.TEXT_TOO_LONG, "the text has " + text.length()
                    + " characters, more than text.max-chars = " + maxTextChars));
        }
        return Optional.empty();
    }
}
