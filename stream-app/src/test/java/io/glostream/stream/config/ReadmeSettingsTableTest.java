package io.glostream.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration reference lists exactly the app's settings, with their defaults and variables. */
class ReadmeSettingsTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.-]+)` \\|(?: `([^`]*)`)? \\| `(GLOSTREAM_[A-Z_]+)` \\|");

    @Test
    void theReadmeTableMatchesTheSettings() throws Exception {
        Path readme = Path.of(System.getProperty("glostream.root", ".."), "README.md");
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                documented.put(m.group(1), (m.group(2) == null ? "" : m.group(2)) + " " + m.group(3));
            }
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (Setting setting : StreamSettings.SETTINGS) {
            actual.put(setting.key(), (setting.defaultValue() == null ? "" : setting.defaultValue()) + " "
                    + setting.environmentVariable());
        }
        assertEquals(actual, documented);
    }
}
