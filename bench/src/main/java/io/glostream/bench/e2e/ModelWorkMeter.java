package io.glostream.bench.e2e;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The app's own featurisation and encoder time over a window, read from its meters
 * ({@code glostream.featurization.latency} per document, {@code glostream.inference.latency} per batch and
 * {@code glostream.inference.batch.size}): microseconds per document, to set beside the bound's. The bound times
 * the same work alone on a hot, otherwise idle thread; where the app's figures are higher, the model work itself
 * runs slower inside the pipeline (compilation not done, caches shared with the broker and the clients), and where
 * they match, what the stream thread spends beyond them is the pipeline's.
 */
public final class ModelWorkMeter {

    private static final String FEATURIZATION = "glostream.featurization.latency";
    private static final String INFERENCE = "glostream.inference.latency";
    private static final String BATCH_SIZE = "glostream.inference.batch.size";

    private final MeterRegistry registry;
    private final Snapshot start;

    private ModelWorkMeter(MeterRegistry registry) {
        this.registry = registry;
        this.start = Snapshot.of(registry);
    }

    /** Starts a window now over the meters of {@code registry} (the app's). */
    public static ModelWorkMeter start(MeterRegistry registry) {
        return new ModelWorkMeter(registry);
    }

    /** Mean featurisation time per document featurised since the start, in µs; -1 when none was. */
    public double featurizeMicrosPerDocument() {
        Snapshot now = Snapshot.of(registry);
        long documents = now.featurized - start.featurized;
        return documents <= 0 ? -1 : (now.featurizeNanos - start.featurizeNanos) / 1e3 / documents;
    }

    /** Encoder time per document inferred since the start (batch time over its documents), in µs; -1 when none was. */
    public double inferMicrosPerDocument() {
        Snapshot now = Snapshot.of(registry);
        double documents = now.inferred - start.inferred;
        return documents <= 0 ? -1 : (now.inferNanos - start.inferNanos) / 1e3 / documents;
    }

    private record Snapshot(long featurized, double featurizeNanos, double inferred, double inferNanos) {
        static Snapshot of(MeterRegistry registry) {
            Timer featurization = registry.get(FEATURIZATION).timer();
            Timer inference = registry.get(INFERENCE).timer();
            DistributionSummary batchSize = registry.get(BATCH_SIZE).summary();
            return new Snapshot(featurization.count(), featurization.totalTime(TimeUnit.NANOSECONDS),
                    batchSize.totalAmount(), inference.totalTime(TimeUnit.NANOSECONDS));
        }
    }
}
