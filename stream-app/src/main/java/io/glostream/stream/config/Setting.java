package io.glostream.stream.config;

import java.util.Locale;

/**
 * One glostream setting: its key (as written in a properties file or with {@code --set}), its default
 * ({@code null}: none) and what it means. Its environment variable is {@code GLOSTREAM_} followed by the key
 * in upper case with dots and dashes as underscores.
 */
public record Setting(String key, String defaultValue, String description) {

    /** The environment variable that sets this key. */
    public String environmentVariable() {
        return environmentVariable(key);
    }

    /** {@code GLOSTREAM_} + the key in upper case, dots and dashes as underscores. */
    public static String environmentVariable(String key) {
        return "GLOSTREAM_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
