package io.glostream.stream.ops;

import io.glostream.stream.config.Durations;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of a {@code /trends} request: {@code lang} (ISO 639-1 code; absent or empty means all
 * languages) and {@code window} (absent or empty means {@link #DEFAULT_WINDOW}).
 *
 * @param lang   the language to count, or empty for all
 * @param window how far back from now to count; positive, at most {@link #MAX_WINDOW}
 */
public record TrendsQuery(Optional<String> lang, Duration window) {

    /** The window when the request names none. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    /** Keeps {@code now - window} far inside {@link java.time.Instant}'s range; no trends store keeps ten years. */
    public static final Duration MAX_WINDOW = Duration.ofDays(3650);

    private static final Set<String> PARAMETERS = Set.of("lang", "window");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");

    public TrendsQuery {
        Objects.requireNonNull(lang, "lang");
        lang.ifPresent(TrendsQuery::checkLang);
        Objects.requireNonNull(window, "window");
        checkWindow(window, window.toString());
    }

    /**
     * Parses a raw (still percent-encoded) query string such as {@code lang=en&window=15m}; empty pairs
     * ({@code lang=en&}) are ignored.
     *
     * @param rawQuery the query, or null when the URI has none
     * @throws IllegalArgumentException with a one-line reason for an unknown or repeated parameter, a
     *                                  malformed escape, a language that is not 2-3 lowercase letters,
     *                                  or a window {@link #parseWindow} refuses
     */
    public static TrendsQuery parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!PARAMETERS.contains(name)) {
                    throw new IllegalArgumentException("unknown parameter '" + name + "' (known: lang, window)");
                }
                if (values.put(name, value) != null) {
                    throw new IllegalArgumentException("parameter '" + name + "' is given more than once");
                }
            }
        }
        String lang = values.getOrDefault("lang", "");
        String window = values.getOrDefault("window", "");
        return new TrendsQuery(
                lang.isEmpty() ? Optional.empty() : Optional.of(lang),
                window.isEmpty() ? DEFAULT_WINDOW : parseWindow(window));
    }

    /**
     * Parses a window as {@link Durations#parse} does ({@code PT1H}, {@code 15m}, {@code 2d}...).
     *
     * @throws IllegalArgumentException with a one-line reason when the text is neither form, or the
     *                                  duration is not positive or exceeds {@link #MAX_WINDOW}
     */
    public static Duration parseWindow(String text) {
        Objects.requireNonNull(text, "text");
        Duration window;
        try {
            window = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("window " + e.getMessage());
        }
        checkWindow(window, text);
        return window;
    }

    private static void checkWindow(Duration window, String text) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window '" + text + "' must be positive");
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window '" + text + "' is longer than " + MAX_WINDOW.toDays() + " days");
        }
    }

    private static void checkLang(String lang) {
        if (!LANG.matcher(lang).matches()) {
            throw new IllegalArgumentException("lang '" + lang + "' is not an ISO 639 code of 2-3 lowercase letters");
        }
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-escape in '" + encoded + "'");
        }
    }
}
