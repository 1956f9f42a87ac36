package io.glostream.bench.e2e;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Splits the time a document spends between its input's append and its result's append over a window, from the
 * app's meters: {@code read_delay} (input append to the app reading it: fetch, poll, the stream thread's backlog;
 * {@code glostream.document.read.delay}), {@code hold} (read to forwarded: the wait for its batch, then the batch's
 * featurisation and encoder call; {@code glostream.document.hold.time}) and {@code after_forward}, what is left of
 * the harness's measured mean ({@code in_app}): the producer, the exactly-once send path and the broker's append of
 * the result. Means, and p50 / p99 of the read delay and the hold, in ms; -1 where the window saw no document.
 *
 * <p>The percentiles come from the difference of the meters' histogram buckets between the window's ends (the
 * app's Prometheus registry keeps cumulative buckets), each the upper bound of the bucket holding that quantile:
 * Micrometer's buckets grow by about a third from one to the next, so they are coarse to that degree.
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
        double read = mean(now.read.count - start.read.count, now.read.totalMillis - start.read.totalMillis);
        double hold = mean(now.held.count - start.held.count, now.held.totalMillis - start.held.totalMillis);
        Map<String, Double> split = new LinkedHashMap<>();
        split.put("in_app_mean_ms", round(inAppMeanMillis));
        split.put("read_delay_mean_ms", round(read));
        split.put("hold_mean_ms", round(hold));
        split.put("after_forward_mean_ms",
                read < 0 || hold < 0 || inAppMeanMillis < 0 ? -1 : round(inAppMeanMillis - read - hold));
        split.put("read_delay_p50_ms", round(quantile(start.read, now.read, 0.5)));
        split.put("read_delay_p99_ms", round(quantile(start.read, now.read, 0.99)));
        split.put("hold_p50_ms", round(quantile(start.held, now.held, 0.5)));
        split.put("hold_p99_ms", round(quantile(start.held, now.held, 0.99)));
        return split;
    }

    /**
     * The upper bound (ms) of the first bucket whose count of values recorded between {@code before} and
     * {@code after} reaches {@code q} of them, the last finite bound (the meter's maximum expected value) when only
     * the open bucket above it does; -1 when none was recorded.
     */
    static double quantile(Buckets before, Buckets after, double q) {
        double total = after.counts[after.counts.length - 1] - before.counts[before.counts.length - 1];
        if (total <= 0) {
            return -1;
        }
        int last = after.counts.length - 1;
        for (int i = 0; i < last; i++) {
            if (after.counts[i] - before.counts[i] >= q * total) {
                return after.upperMillis[i];
            }
        }
        return after.upperMillis[last - 1];
    }

    private static double mean(long count, double totalMillis) {
        return count <= 0 ? -1 : totalMillis / count;
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    /**
     * One timer at one moment: its count, total and cumulative bucket counts ({@code counts[i]} values at or under
     * {@code upperMillis[i]}, the last bucket taken as holding every value).
     */
    record Buckets(long count, double totalMillis, double[] upperMillis, double[] counts) {
        static Buckets of(Timer timer) {
            CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
            double[] upper = new double[buckets.length + 1];
            double[] counts = new double[buckets.length + 1];
            for (int i = 0; i < buckets.length; i++) {
                upper[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
                counts[i] = buckets[i].count();
            }
            upper[buckets.length] = Double.POSITIVE_INFINITY;
            counts[buckets.length] = timer.count();
            return new Buckets(timer.count(), timer.totalTime(TimeUnit.MILLISECONDS), upper, counts);
        }
    }

    private record Snapshot(Buckets read, Buckets held) {
        static Snapshot of(MeterRegistry registry) {
            return new Snapshot(Buckets.of(registry.get(READ_DELAY).timer()), Buckets.of(registry.get(HOLD_TIME).timer()));
        }
    }
}
