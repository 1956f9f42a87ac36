package io.glostream.core.inference;

/** An encoder could not be loaded, does not honour the {@link EncoderGraph} contract, or failed to run. */
public class InferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
