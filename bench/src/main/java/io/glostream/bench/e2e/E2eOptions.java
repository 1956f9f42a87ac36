package io.glostream.bench.e2e;

import io.glostream.stream.config.Durations;
import io.glostream.stream.demo.DemoCorpus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of {@code e2e} and {@code sweep}, turned into {@link E2eSettings}. */
public final class E2eOptions {

    @Option(names = "--documents", paramLabel = "N", defaultValue = "200000",
            description = "Documents preloaded for the throughput phase (default: ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--warmup-documents", paramLabel = "N", defaultValue = "20000",
            description = "Documents preloaded ahead of them and processed before the measurement starts, so JIT "
                    + "compilation stays out of the figures; 0: none (default: ${DEFAULT-VALUE}).")
    int warmupDocuments;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "4",
            description = "Partitions of the documents, output and dead-letter topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "Kafka Streams threads of the app (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--guarantee", paramLabel = "G", defaultValue = "exactly_once_v2",
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    String guarantee;

    @Option(names = "--lang-mix", paramLabel = "MIX", defaultValue = "mixed",
            description = "mixed (English and Chinese alternating), en or zh (default: ${DEFAULT-VALUE}).")
    String langMix;

    @Option(names = "--malformed-share", paramLabel = "S", defaultValue = "0.01",
            description = "Malformed records added, as a share of --documents (default: ${DEFAULT-VALUE}).")
    double malformedShare;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64",
            description = "The app's batch.size, and the bound's batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--max-wait", paramLabel = "D", defaultValue = "5ms",
            description = "The app's batch.max-wait (default: ${DEFAULT-VALUE}).")
    String maxWait;

    @Option(names = "--model", paramLabel = "BUNDLE", defaultValue = "sample/bundle",
            description = "Bundle to serve (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of raw texts: a benchmark directory "
            + "(test_texts_*.txt.gz) or the sample (default: ../shared/data/ec_news when present, else sample/ec_news).")
    Path data;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "50%",
            description = "Input rate of the latency phase after the throughput phase: P%% of the measured throughput, "
                    + "N/s, or off (default: 50%%).")
    String rate;

    @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "20",
            description = "How long the latency phase sends the documents it measures, after the settling time "
                    + "(default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--latency-settle-seconds", paramLabel = "S", defaultValue = "30",
            description = "How long the latency phase sends at its rate before the documents it measures: the app "
                    + "settling into the paced stream after the saturated phase (default: ${DEFAULT-VALUE}; 0: none).")
    int latencySettleSeconds;

    @Option(names = "--broker-process", description = "Run the broker in a JVM of its own, so its work stays out of "
            + "this JVM's CPU and GC figures.")
    boolean brokerProcess;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "30m",
            description = "Longest a phase may take (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A further stream-app setting for every run, "
            + "kafka.* client settings included (e.g. kafka.producer.linger.ms=5); repeatable.")
    Map<String, String> appSettings = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    public E2eSettings settings() {
        return new E2eSettings(documents, warmupDocuments, partitions, threads, guarantee, LangMix.parse(langMix), malformedShare, batchSize,
                duration("--max-wait", maxWait), model, data == null ? DemoCorpus.defaultData() : data,
                LatencyRate.parse(rate), latencySeconds, latencySettleSeconds, brokerProcess, duration("--timeout", timeout), appSettings);
    }

    private static java.time.Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
