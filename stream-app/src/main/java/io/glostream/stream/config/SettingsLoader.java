package io.glostream.stream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Assembles the settings from their sources, each overriding the one before: defaults, a properties
 * file, environment variables ({@code GLOSTREAM_BATCH_SIZE}, {@code GLOSTREAM_KAFKA_BOOTSTRAP_SERVERS} for
 * {@code kafka.bootstrap.servers}), then command-line values.
 */
public final class SettingsLoader {

    private static final String ENV_PREFIX = "GLOSTREAM_";
    private static final String KAFKA_ENV_PREFIX = ENV_PREFIX + "KAFKA_";

    private SettingsLoader() {
    }

    /**
     * @param file properties file, or null
     * @param environment the process environment (or a test's)
     * @param commandLine values given on the command line, by key
     * @throws InvalidSettingsException when the file cannot be read or a value is invalid
     */
    public static StreamSettings load(Path file, Map<String, String> environment, Map<String, String> commandLine) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (file != null) {
            raw.putAll(readFile(file));
        }
        raw.putAll(fromEnvironment(environment));
        raw.putAll(commandLine);
        return StreamSettings.of(raw);
    }

    /** The settings that {@code GLOSTREAM_*} variables give, by key. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> byVariable = new LinkedHashMap<>();
        for (Setting setting : StreamSettings.SETTINGS) {
            byVariable.put(setting.environmentVariable(), setting.key());
        }
        Map<String, String> raw = new LinkedHashMap<>();
        environment.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(ENV_PREFIX))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    String variable = entry.getKey();
                    String key = byVariable.get(variable);
                    if (key == null && variable.startsWith(KAFKA_ENV_PREFIX) && variable.length() > KAFKA_ENV_PREFIX.length()) {
                        key = StreamSettings.KAFKA_PREFIX
                                + variable.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                    }
                    if (key == null) {
                        throw new InvalidSettingsException("unknown environment variable " + variable
                                + "; glostream reads GLOSTREAM_<SETTING> and GLOSTREAM_KAFKA_<CLIENT_SETTING>");
                    }
                    raw.put(key, entry.getValue());
                });
        return raw;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new InvalidSettingsException("--config " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingsException("--config " + file + ": not a readable properties file (" + e.getMessage() + ")");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> raw.put(key, properties.getProperty(key)));
        return raw;
    }
}
