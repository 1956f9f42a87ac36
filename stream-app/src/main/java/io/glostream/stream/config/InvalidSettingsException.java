package io.glostream.stream.config;

/** A setting that cannot be used, with a one-line message naming the setting and what is accepted. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }
}
