package io.glostream.core.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the shared benchmark data ({@code ../shared/data}), located through the {@code glostream.shared}
 * system property that surefire sets. A lone clone has no such folder: tests that need it are skipped.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data file at {@code relative} under {@code shared/data}, or a skipped test when it is absent. */
    public static Path file(String relative) {
        String shared = System.getProperty("glostream.shared");
        assumeTrue(shared != null, "system property glostream.shared is not set");
        Path file = Path.of(shared, "data").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared data file absent: " + file);
        return file;
    }
}
