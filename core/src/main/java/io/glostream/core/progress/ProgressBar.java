package io.glostream.core.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A text progress bar with rate and ETA for long jobs (featurisation, training, benchmarks).
 *
 * <p>On a terminal it redraws one line in place; elsewhere (CI logs, files) it prints a fresh line at
 * most every {@code logInterval}, so logs stay readable. Safe to advance from several threads.
 */
public final class ProgressBar implements AutoCloseable {

    private static final int BAR_WIDTH = 30;

    private final String label;
    private final String unit;
    private final long total;
    private final PrintStream out;
    private final boolean redrawInPlace;
    private final long logIntervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private long lastDrawNanos;
    private long lastDrawnDone = -1;
    private String suffix = "";
    private boolean closed;

    ProgressBar(String label, long total, String unit, PrintStream out, boolean redrawInPlace,
                Duration logInterval, LongSupplier clock) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, got " + total);
        }
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.redrawInPlace = redrawInPlace;
        this.logIntervalNanos = logInterval.toNanos();
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastDrawNanos = startNanos;
    }

    /** A bar on standard error, redrawn in place when a console is attached. */
    public static ProgressBar start(String label, long total, String unit) {
        boolean console = System.console() != null;
        return new ProgressBar(label, total, unit, System.err, console,
                console ? Duration.ofMillis(200) : Duration.ofSeconds(10), System::nanoTime);
    }

    /** Advances by {@code n} units. */
    public void step(long n) {
        long now = done.addAndGet(n);
        maybeDraw(now >= total);
    }

    /** Extra text shown after the rate, e.g. current loss terms. */
    public synchronized void setSuffix(String suffix) {
        this.suffix = suffix == null ? "" : suffix;
    }

    public long done() {
        return done.get();
    }

    private synchronized void maybeDraw(boolean force) {
        if (closed) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && now - lastDrawNanos < logIntervalNanos) {
            return;
        }
        lastDrawNanos = now;
        lastDrawnDone = done.get();
        String line = render(now);
        if (redrawInPlace) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    String render(long nowNanos) {
        long d = Math.min(done.get(), total);
        double fraction = total == 0 ? 1.0 : (double) d / total;
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        double seconds = Math.max((nowNanos - startNanos) / 1e9, 1e-9);
        double rate = d / seconds;
        String eta = rate > 0 ? formatDuration((long) Math.ceil((total - d) / rate)) : "?";
        StringBuilder sb = new StringBuilder();
        sb.append(label).append(" [")
                .append("=".repeat(filled))
                .append(filled < BAR_WIDTH ? ">" : "")
                .append(" ".repeat(Math.max(0, BAR_WIDTH - filled - 1)))
                .append("] ")
                .append(String.format(Locale.ROOT, "%3d%% %d/%d %s  %,.1f %s/s  ETA %s",
                        Math.round(fraction * 100), d, total, unit, rate, unit, eta));
        if (!suffix.isEmpty()) {
            sb.append("  ").append(suffix);
        }
        return sb.toString();
    }

    static String formatDuration(long totalSeconds) {
        long h = totalSeconds / 3600;
        long m = (totalSeconds % 3600) / 60;
        long s = totalSeconds % 60;
        return String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s);
    }

    /** Draws the final state and ends the line. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (redrawInPlace) {
            out.print("\r" + render(clock.getAsLong()) + System.lineSeparator());
        } else if (lastDrawnDone != done.get()) {
            out.println(render(clock.getAsLong()));
        }
        out.flush();
    }
}
