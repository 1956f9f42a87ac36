package io.glostream.core.bundle;

import java.io.IOException;

/**
 * A model bundle failed verification: a file is missing, altered, misplaced or inconsistent with the
 * manifest. The message always starts with the bundle-relative file it concerns ({@link #file()}).
 */
public class BundleVerificationException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;

    public BundleVerificationException(String file, String cause) {
        super(file + ": " + cause);
        this.file = file;
    }

    public BundleVerificationException(String file, String cause, Throwable throwable) {
        super(file + ": " + cause, throwable);
        this.file = file;
    }

    /** The bundle-relative path (or, for the bundle as a whole, its location) that failed. */
    public String file() {
        return file;
    }
}
