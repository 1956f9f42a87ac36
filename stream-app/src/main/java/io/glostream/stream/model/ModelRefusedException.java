package io.glostream.stream.model;

/** An announced bundle that will not serve, with why; the serving model stays. */
public final class ModelRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelRefusedException(String message) {
        super(message);
    }
}
