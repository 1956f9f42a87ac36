package io.glostream.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ProgressBar bar(long total) {
        return new ProgressBar("featurise", total, "docs", new PrintStream(bytes, true, StandardCharsets.UTF_8),
                false, Duration.ofSeconds(10), nanos::get);
    }

    @Test
    void showsPercentRateAndEta() {
        ProgressBar bar = bar(400);
        nanos.set(2_000_000_000L);
        bar.step(100);
        assertEquals("featurise [" + "=".repeat(8) + ">" + " ".repeat(21) + "]"
                + "  25% 100/400 docs  50.0 docs/s  ETA 0:00:06",
                bar.render(nanos.get()));
    }

    @Test
    void printsAtMostOneLinePerIntervalOffTerminal() {
        try (ProgressBar bar = bar(1000)) {
            for (int i = 0; i < 999; i++) {
                nanos.addAndGet(1_000_000L);
                bar.step(1);
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(1, lines.length, "only the closing line: the interval never elapsed");
        assertTrue(lines[0].contains("999/1000"));
    }

    @Test
    void drawsTheLastStepEvenInsideTheInterval() {
        ProgressBar bar = bar(2);
        bar.step(1);
        bar.step(1);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("100% 2/2"));
    }

    @Test
    void closingAfterTheFinalStepDoesNotRepeatTheLine() {
        try (ProgressBar bar = bar(3)) {
            bar.step(3);
        }
        assertEquals(1, bytes.toString(StandardCharsets.UTF_8).split("\\R").length);
    }

    @Test
    void appendsTheSuffix() {
        ProgressBar bar = bar(10);
        bar.setSuffix("loss 12.5");
        nanos.set(1_000_000_000L);
        assertTrue(bar.render(nanos.get()).endsWith("loss 12.5"));
    }

    @Test
    void formatsLongDurations() {
        assertEquals("2:03:04", ProgressBar.formatDuration(2 * 3600 + 3 * 60 + 4));
    }
}
