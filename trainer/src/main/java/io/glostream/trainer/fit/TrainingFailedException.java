package io.glostream.trainer.fit;

/** Training cannot go on (for example the loss became NaN); the message says when and why. */
public final class TrainingFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingFailedException(String message) {
        super(message);
    }
}
