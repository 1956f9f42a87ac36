package io.glostream.bench.e2e;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Splits the mean time a document spends between its input's append and its result's append over a window, from
 * the app's meters: {@code read_delay} (input append to the app reading it: fetch, poll, the stream thread's
 * backlog; {@code glostream.document.read.delay}), {@code hold} (read to forwarded: the wait for its batch, then
 * the batch's featurisation and encoder call; {@code glostream.document.hold.time}) and {@code after_forward}, what
 * is left of the harness's measured mean ({@code in_app}): the producer, the exactly-once send path and the
 * broker's append of the result. Means, in ms; -1 where the window saw no document.
 */
public final class AppTimeSplit {

    private static final String READ_DELAY = "glostream.document.read.delay";
    private static final String HOLD_TIME = "glostream.document.hold.time";

    private final MeterRegistry registry;
    private final Snapshot start;

    private AppTimeSplit(MeterRegistry registry) {
        this.registry = registry;
        this.start = Snapshot.of(registry);
    }

    /** Starts a window now over the meters of {@code registry} (the app's). */
    public static AppTimeSplit start(MeterRegistry registry) {
        return new AppTimeSplit(registry);
    }

    /** The split of the window so far, given the measured mean from input append to output append. */
    public Map<String, Double> split(double inAppMeanMillis) {
        Snapshot now = Snapshot.of(registry);
        double read = mean(now.read - start.read, now.readMillis - start.readMillis);
        double hold = mean(now.held - start.held, now.heldMillis - start.heldMillis);
        Map<String, Double> split = new LinkedHashMap<>();
        split.put("in_app_mean_ms", round(inAppMeanMillis));
        split.put("read_delay_mean_ms", round(read));
        split.put("hold_mean_ms", round(hold));
        split.put("after_forward_mean_ms",
                read < 0 || hold < 0 || inAppMeanMillis < 0 ? -1 : round(inAppMeanMillis - read - hold));
        return split;
    }

    private static double mean(long count, double totalMillis) {
        return count <= 0 ? -1 : totalMillis / count;
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    private record Snapshot(long read, double readMillis, long held, double heldMillis) {
        static Snapshot of(MeterRegistry registry) {
            Timer read = registry.get(READ_DELAY).timer();
            Timer held = registry.get(HOLD_TIME).timer();
            return new Snapshot(read.count(), read.totalTime(TimeUnit.MILLISECONDS), held.count(),
                    held.totalTime(TimeUnit.MILLISECONDS));
        }
    }
}
