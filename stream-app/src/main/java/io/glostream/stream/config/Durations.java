package io.glostream.stream.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in settings and queries: ISO-8601 ({@code PT1H}, any case) or digits and
 * one lowercase unit ({@code 250ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d}; {@code 1M} would be
 * ambiguous, so units are lowercase only).
 */
public final class Durations {

    private static final Pattern SHORTHAND = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is neither
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text;
        Matcher m = SHORTHAND.matcher(value);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            if (value.startsWith("P") || value.startsWith("p")) {
                return Duration.parse(value);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below with the accepted forms
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 250ms, 30s, 15m, 1h, 2d or PT1H");
    }

    /** The shortest shorthand that {@link #parse} reads back to the same duration. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis != 0 && millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return millis + "ms";
    }
}
