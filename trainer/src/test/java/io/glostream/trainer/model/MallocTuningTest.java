package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MallocTuningTest {

    @Test
    void glibcAcceptsBothThresholds() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "glibc tuning is Linux-only");
        boolean glibc = Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6"))
                || Files.exists(Path.of("/lib64/libc.so.6"));
        assumeTrue(glibc, "needs glibc");

        assertTrue(MallocTuning.apply());
    }
}
