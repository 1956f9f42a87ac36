package io.glostream.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one end-to-end run needs.
 *
 * @param documents valid documents preloaded for the throughput phase
 * @param warmupDocuments valid documents preloaded before them, processed before the measured phase starts (JIT
 *     compilation and first fetches stay out of the figures); 0: none
 * @param partitions partitions of every data topic
 * @param threads Kafka Streams threads of the app
 * @param guarantee {@code exactly_once_v2} or {@code at_least_once}
 * @param malformedShare malformed records added to the preload, as a share of {@code documents}
 * @param batchSize and {@code maxWait}: the app's {@code batch.size} and {@code batch.max-wait}; the bound batches alike
 * @param latencyRate input rate of the latency phase after the throughput phase; empty: no latency phase
 * @param latencySeconds how long the latency phase sends the documents it measures
 * @param latencySettleSeconds how long the latency phase sends at its rate before that, unmeasured: the first
 *     seconds after the change from the saturated throughput phase to the paced stream have a tail of their own
 *     (the app settling into the new rate), which a stream running at that rate does not see
 * @param brokerProcess whether the broker runs in a JVM of its own
 * @param timeout longest any phase may take before the run fails
 * @param appSettings further stream-app settings ({@code kafka.*} client settings included), applied over the app's
 *     defaults; not the keys the harness sets itself
 */
public record E2eSettings(int documents, int warmupDocuments, int partitions, int threads, String guarantee, LangMix langMix,
        double malformedShare, int batchSize, Duration maxWait, Path model, Path data,
        Optional<LatencyRate> latencyRate, int latencySeconds, int latencySettleSeconds, boolean brokerProcess,
        Duration timeout,
        Map<String, String> appSettings) {

    /** Settings the harness gives the app itself, from its own options or per run. */
    static final Set<String> HARNESS_KEYS = Set.of("kafka.bootstrap.servers", "application.id", "model.path",
            "batch.size", "batch.max-wait", "stream.threads", "processing.guarantee", "http.port");

    public E2eSettings {
        Objects.requireNonNull(langMix, "langMix");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(latencyRate, "latencyRate");
        Objects.requireNonNull(timeout, "timeout");
        appSettings = Map.copyOf(appSettings);
        for (String key : appSettings.keySet()) {
            if (HARNESS_KEYS.contains(key)) {
                throw new IllegalArgumentException("--set " + key + ": the harness sets it (use its own option where "
                        + "there is one: --batch-size, --max-wait, --threads, --guarantee, --model)");
            }
        }
        if (documents < 1) {
            throw new IllegalArgumentException("--documents must be at least 1, got " + documents);
        }
        if (warmupDocuments < 0) {
            throw new IllegalArgumentException("--warmup-documents must be at least 0, got " + warmupDocuments);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            throw new IllegalArgumentException("--guarantee must be exactly_once_v2 or at_least_once, got " + guarantee);
        }
        if (!(malformedShare >= 0 && malformedShare < 1)) {
            throw new IllegalArgumentException("--malformed-share must be in [0, 1), got " + malformedShare);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("--max-wait must be positive, got " + maxWait);
        }
        if (!Files.exists(model)) {
            throw new IllegalArgumentException("--model " + model + ": no such bundle (run from the repository root, or pass --model)");
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such directory");
        }
        if (latencySeconds < 1) {
            throw new IllegalArgumentException("--latency-seconds must be at least 1, got " + latencySeconds);
        }
        if (latencySettleSeconds < 0) {
            throw new IllegalArgumentException("--latency-settle-seconds must be at least 0, got " + latencySettleSeconds);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
        }
    }

    /** Malformed records in the preload: the share of {@code documents}, rounded. */
    public int malformed() {
        return (int) Math.round(documents * malformedShare);
    }

    /** The same run with another batch size and thread count (for sweeps). */
    public E2eSettings with(int newBatchSize, int newThreads) {
        return new E2eSettings(documents, warmupDocuments, partitions, newThreads, guarantee, langMix, malformedShare, newBatchSize, maxWait,
                model, data, latencyRate, latencySeconds, latencySettleSeconds, brokerProcess, timeout, appSettings);
    }
}
