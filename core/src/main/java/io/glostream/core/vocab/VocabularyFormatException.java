package io.glostream.core.vocab;

import java.io.IOException;

/** A vocabulary file that cannot be read as one; the message names the file and, where known, the line. */
public final class VocabularyFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    VocabularyFormatException(String message) {
        super(message);
    }

    VocabularyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
