package io.glostream.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.stream.config.Setting;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.testing.SampleBundles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StreamCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return StreamCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theDemoTagsEveryDocumentAndDeadLettersEveryMalformedRecord() {
        Path sampleDocs = SampleBundles.SAMPLE.getParent().resolve("ec_news");
        int exit = run("demo", "--model", SampleBundles.SAMPLE.toString(), "--data", sampleDocs.toString(), "--docs", "20",
                "--http-port", "-1");
        assertEquals(0, exit, err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("sent 40 documents"), printed);
        assertTrue(printed.contains("tagged 40 documents and dead-lettered 6 records"), printed);
        assertTrue(printed.contains("dead letters by reason: {UNDECODABLE=1, MISSING_TEXT=1, EMPTY_TEXT=1, "
                + "TEXT_TOO_LONG=1, UNKNOWN_LANGUAGE=1, UNSUPPORTED_LANGUAGE=1}"), printed);
        assertTrue(printed.contains("top trends of the last hour, across languages (40 documents)"), printed);
    }

    @Test
    void aBadSettingIsOneLineAndExitCodeTwo() {
        assertEquals(StreamCli.EXIT_BAD_INPUT, run("run", "--set", "batch.size=0"));
        assertEquals("glostream-stream run: batch.size must be between 1 and 100000, got 0", err.toString().strip());
    }

    @Test
    void aBadArgumentIsOneLineNamingItNotTheWholeUsage() {
        assertEquals(StreamCli.EXIT_BAD_INPUT, run("demo", "--docs", "many"));
        String printed = err.toString().strip();
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("glostream-stream demo: Invalid value for option '--docs'"), printed);
        assertTrue(printed.endsWith("(see glostream-stream demo --help)"), printed);
        err.getBuffer().setLength(0);
        assertEquals(StreamCli.EXIT_BAD_INPUT, run("run", "--no-such-option"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void aMissingBundleIsOneLineAndExitCodeTwo() {
        assertEquals(StreamCli.EXIT_BAD_INPUT, run("demo", "--model", "/no/such/bundle"));
        assertTrue(err.toString().strip().startsWith("glostream-stream demo: --model /no/such/bundle: no such bundle"),
                err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }

    @Test
    void publishModelNeedsACluster() {
        assertEquals(StreamCli.EXIT_BAD_INPUT, run("publish-model", "--bundle", SampleBundles.SAMPLE.toString()));
        assertTrue(err.toString().contains("publish-model needs a cluster"), err.toString());
    }

    @Test
    void settingsListsEveryKeyWithItsEnvironmentVariable() {
        assertEquals(0, run("settings"));
        for (Setting setting : StreamSettings.SETTINGS) {
            assertTrue(out.toString().contains(setting.key()), setting.key());
            assertTrue(out.toString().contains(setting.environmentVariable()), setting.environmentVariable());
        }
    }
}
