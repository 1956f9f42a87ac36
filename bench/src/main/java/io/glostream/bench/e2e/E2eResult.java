package io.glostream.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run's figures, written as JSON with snake_case names ({@code docs_per_s}, {@code p99_ms}...).
 *
 * <p>Throughput ({@code docs_per_s}) counts every result of the preloaded phase (tagged documents and dead
 * letters) from the first result's append to the last one's. The latencies {@code p50_ms}, {@code p99_ms},
 * {@code p999_ms} run from a document's send time (its Document.timestamp) to its result's append time on the
 * output topic; {@code latency_basis} says whether they come from the paced latency phase or, without one, from the
 * preloaded backlog (where they mostly measure the queue). The latency phase sends at its rate for
 * {@code latency_settle_seconds} before the {@code latency_documents} it measures. The {@code visible_*} latencies run to the moment a
 * read-committed consumer received the result: under exactly-once they add the wait for the transaction commit.
 * {@code latency_timeline} follows the append latencies through the whole latency phase, settling time included, in
 * one-second slices by send time from its first send (each slice's tagged documents, p99 and max; the last slice
 * can hold only the phase's last few documents): whether the tail is spread or comes from a few episodes, and when.
 * {@code ingest_p*_ms} (send to the broker's append of the input record) and {@code app_p*_ms} (input append to
 * output append) split the same latencies at the input's append time, for the {@code latency_split_documents}
 * whose input acknowledgement reached the harness before their result did. {@code stream_thread_latencies} holds
 * Kafka Streams' commit, poll, process and punctuate latencies (mean and max, ms) at the end of the measured phase
 * ({@link StreamThreadLatencies}); {@code producer_retries} counts the records the app's producers had to send again
 * during the same phase ({@link ProducerRetries}). Kafka's stream-thread maxima cover its last two 30 s samples, so
 * with a short measured phase they reach back into the settling time. {@code app_time_split} splits the mean input-append-to-output-append time of the
 * same phase with the app's meters into the read delay, the hold for the batch and what follows the forward
 * ({@link AppTimeSplit}).
 * {@code docs_per_cpu_s} divides the throughput phase's results by the CPU seconds this JVM and a separate broker
 * process used meanwhile, counted from the end of the warm-up (without one, from the phase's first result);
 * {@code bound_docs_per_cpu_s} is the bound per second of its thread's CPU time: on a shared machine, where neither
 * gets whole cores, their ratio {@code cpu_ratio_to_bound} says what the pipeline costs beyond featurise + infer.
 * {@code process_cpu_cores} and {@code stream_threads_busy_share} cover the same window: the CPU this JVM used (in
 * cores), and how busy the stream threads were; {@code broker_cpu_share} is the broker
 * process's part of the CPU seconds behind {@code docs_per_cpu_s} (0 with the broker in this JVM).
 * {@code cpu_us_per_doc} splits the CPU behind {@code docs_per_cpu_s} per result by kind of work
 * ({@link CpuMeter.Kind}: stream threads, Kafka client I/O threads, the harness, other threads, JIT compilation,
 * garbage collection, the rest of the JVM, the broker process), and {@code app_featurize_us_per_doc} /
 * {@code app_infer_us_per_doc} are the app's own featurisation and encoder time per document (its meters, wall
 * time on the stream thread): set beside the bound's 10<sup>6</sup> / {@code bound_docs_per_cpu_s}, they split the
 * stream threads' cost into the model's work and the pipeline's.
 * {@code warmup_documents} were processed before the measured phase and count in none of its figures.
 * {@code app_settings} lists the settings given with {@code --set} (empty: the app's defaults).
 * {@code model_created_at} is the bundle manifest's export time: it tells apart bundles served from the same path
 * (the committed sample was retrained on 2026-11-28).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record E2eResult(
        String guarantee, String langMix, int documents, int warmupDocuments, int malformed, int partitions, int threads, int batchSize,
        String maxWait, String broker, String model, String modelCreatedAt, String data, int distinctTexts,
        double docsPerS, double boundDocsPerS, double ratioToBound,
        double docsPerCpuS, double boundDocsPerCpuS, double cpuRatioToBound,
        long results, int tagged, int deadLetters, int duplicates, double seconds,
        String latencyBasis, double latencyRateDocsPerS, int latencyDocuments, int latencySettleSeconds,
        double p50Ms, double p99Ms, double p999Ms, double maxMs,
        double visibleP50Ms, double visibleP99Ms, double visibleP999Ms,
        double ingestP50Ms, double ingestP99Ms, double appP50Ms, double appP99Ms, double appP999Ms,
        List<Phase.LatencySlice> latencyTimeline,
        long latencySplitDocuments, Map<String, Double> streamThreadLatencies, long producerRetries,
        Map<String, Double> appTimeSplit,
        double heapMaxMb, double heapPeakUsedMb, double gcTimeShare, long gcCollections,
        double processCpuCores, double streamThreadsBusyShare, Map<String, Double> cpuUsPerDoc,
        double appFeaturizeUsPerDoc, double appInferUsPerDoc, double brokerCpuShare,
        double loadAverageStart, double loadAverageEnd, Map<String, String> appSettings,
        String command, String gitCommit, String jvm, List<String> jvmArgs, String cpuModel, int cores, String date) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes this result as pretty-printed JSON, creating parent directories. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), this);
    }

    /** This result as a JSON tree, as {@link E2eChart} reads results files. */
    public JsonNode toJsonTree() {
        return JSON.valueToTree(this);
    }

    /** This result as pretty-printed JSON. */
    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }
}
