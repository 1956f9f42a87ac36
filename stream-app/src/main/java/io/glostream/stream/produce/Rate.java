package io.glostream.stream.produce;

import java.util.Locale;

/** A sending rate limit, written {@code N/s} (or plain {@code N}) documents per second. */
public record Rate(double perSecond) {

    public Rate {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be a positive number of documents per second, got " + perSecond);
        }
    }

    /**
     * @throws IllegalArgumentException naming the text when it is not {@code N/s} or {@code N} with N positive
     */
    public static Rate parse(String text) {
        String number = text.strip().toLowerCase(Locale.ROOT);
        if (number.endsWith("/s")) {
            number = number.substring(0, number.length() - 2).strip();
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate '" + text + "' is not N/s, e.g. 100/s");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--rate '" + text + "' must be a positive number of documents per second");
        }
        return new Rate(value);
    }

    /** When the {@code index}-th document (0-based) may be sent, in nanoseconds after the first. */
    public long offsetNanos(long index) {
        return (long) (index * 1e9 / perSecond);
    }
}
