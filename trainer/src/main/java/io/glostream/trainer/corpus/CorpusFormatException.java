package io.glostream.trainer.corpus;

/** A corpus, vector or dictionary file that cannot be read; the message names the file and line. */
public final class CorpusFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CorpusFormatException(String message) {
        super(message);
    }

    public CorpusFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
