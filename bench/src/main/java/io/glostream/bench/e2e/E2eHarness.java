package io.glostream.bench.e2e;

import io.glostream.core.bundle.ModelBundle;
import io.glostream.core.progress.ProgressBar;
import io.glostream.stream.StreamApp;
import io.glostream.stream.config.Durations;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.produce.Rate;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * One end-to-end run:
 * <ol>
 * <li>start a broker (in this JVM, or in a process of its own) with the topics of {@link BenchTopics};</li>
 * <li>preload the documents and malformed records, so the throughput measured is the app's, not the producer's;</li>
 * <li>start {@link StreamApp} on that broker and read every result back read-committed (the throughput phase);</li>
 * <li>optionally send more documents at a fixed rate while the app runs, for latency (the latency phase);</li>
 * <li>stop the app and the broker, then time featurise + infer alone on the same documents ({@link FeaturizeInferBound}).</li>
 * </ol>
 */
public final class E2eHarness {

    private final E2eSettings settings;
    private final PrintStream log;

    public E2eHarness(E2eSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs and returns the figures.
     *
     * @param command the command line to record with the results
     * @throws IllegalStateException when results stop arriving within the timeout, or the app fails
     */
    public E2eResult run(String command) throws Exception {
        RunEnvironment environment = RunEnvironment.capture(command);
        double loadStart = RunEnvironment.loadAverage();
        BenchCorpus corpus = BenchCorpus.load(settings.data(), settings.langMix());
        int warmupDocuments = settings.warmupDocuments();
        Phase warmup = warmupDocuments > 0 ? new Phase(0, warmupDocuments, 0) : null;
        Phase throughput = new Phase(warmupDocuments, settings.documents(), settings.malformed());
        Phase latency = null;
        double latencyRate = 0;
        GcMeter gc;
        CpuMeter[] cpu = new CpuMeter[1];
        ModelWorkMeter[] modelWork = new ModelWorkMeter[1];
        long[] resultsAtCpuStart = new long[1];
        AtomicReference<RuntimeException> senderFailure = new AtomicReference<>();
        double processCores;
        double streamBusy;
        Map<String, Double> cpuMicrosPerDoc = new TreeMap<>();
        double featurizeMicros;
        double inferMicros;
        double cpuSeconds;
        double brokerCpuShare;
        double gcShare;
        long gcCollections;
        double heapPeak;
        Map<String, Double> streamThreadLatencies;
        Map<String, Double> appTimeSplit;
        AppTimeSplit[] timeSplit = new AppTimeSplit[1];
        long producerRetries;
        long[] retriesAtStart = new long[1];
        log.printf(Locale.ROOT, "e2e: %,d %s documents + %,d malformed (after %,d to warm up), %d partitions, %d stream threads, %s, batch %d / %s, "
                + "model %s, broker %s%n", settings.documents(), settings.langMix().label(), settings.malformed(), warmupDocuments,
                settings.partitions(), settings.threads(), settings.guarantee(), settings.batchSize(),
                Durations.format(settings.maxWait()), settings.model(), settings.brokerProcess() ? "in its own process" : "in-process");
        try (BenchBroker broker = settings.brokerProcess() ? BrokerProcess.start(settings.partitions(), "1g")
                : BenchBroker.inProcess(settings.partitions());
                ResultCollector collector = new ResultCollector(broker.bootstrapServers())) {
            if (warmup != null) {
                collector.add(warmup);
            }
            collector.add(throughput);
            try (DocumentSender sender = new DocumentSender(broker.bootstrapServers(), 5);
                    ProgressBar progress = ProgressBar.start("load   ",
                            throughput.expected() + (warmup == null ? 0 : warmup.expected()), "records")) {
                if (warmup != null) {
                    sender.preload(corpus, warmup, progress);
                }
                sender.preload(corpus, throughput, progress);
            }
            gc = GcMeter.start();
            try (StreamApp app = StreamApp.start(streamSettings(broker.bootstrapServers()))) {
                app.awaitRunning(settings.timeout());
                // the meters of the phase whose latencies are reported: restarted for the latency phase
                Runnable startLatencyMeters = () -> {
                    timeSplit[0] = AppTimeSplit.start(app.registry());
                    retriesAtStart[0] = ProducerRetries.total(app.streams().metrics());
                };
                Runnable startCpuMeter = () -> {
                    cpu[0] = CpuMeter.start(broker::processCpuNanos);
                    modelWork[0] = ModelWorkMeter.start(app.registry());
                    startLatencyMeters.run();
                    resultsAtCpuStart[0] = throughput.results();
                };
                if (warmup != null) {
                    await(warmup, collector, "warm-up", () -> { }, () -> null);
                    // The measured documents are next in every partition. Started at their first result instead,
                    // the meter could miss them all: under exactly-once a short phase's results can become
                    // visible in one commit.
                    startCpuMeter.run();
                }
                await(throughput, collector, "e2e    ", warmup == null ? startCpuMeter : () -> { }, () -> null);
                cpuSeconds = cpu[0].cpuSecondsWithBroker();
                brokerCpuShare = cpu[0].brokerShare();
                processCores = cpu[0].processCores();
                streamBusy = cpu[0].streamThreadsBusyShare(settings.threads());
                long measuredResults = throughput.results() - resultsAtCpuStart[0];
                if (measuredResults > 0) {
                    cpu[0].cpuNanosByKind().forEach((kind, nanos) -> cpuMicrosPerDoc.put(
                            kind.name().toLowerCase(Locale.ROOT), round(nanos / 1e3 / measuredResults)));
                }
                featurizeMicros = modelWork[0].featurizeMicrosPerDocument();
                inferMicros = modelWork[0].inferMicrosPerDocument();
                if (settings.latencyRate().isPresent()) {
                    latencyRate = settings.latencyRate().get().perSecond(throughput.resultsPerSecond());
                    int count = (int) Math.max(1, Math.round(latencyRate * settings.latencySeconds()));
                    int settle = (int) Math.round(latencyRate * settings.latencySettleSeconds());
                    latency = new Phase(warmupDocuments + settings.documents(), settle + count, 0, settle);
                    collector.add(latency);
                    Phase paced = latency;
                    double rate = latencyRate;
                    Thread sending = new Thread(() -> {
                        try (DocumentSender sender = new DocumentSender(broker.bootstrapServers(), 0)) {
                            sender.paced(corpus, paced, new Rate(rate), startLatencyMeters);
                        } catch (RuntimeException e) {
                            senderFailure.set(e);
                        }
                    }, "e2e-paced-sender");
                    log.printf(Locale.ROOT, "latency phase: %,d documents at %,.0f docs/s (%s of the sustained %,.0f), "
                            + "measured after the first %,d (%d s to settle)%n", settle + count, rate,
                            settings.latencyRate().get().label(), throughput.resultsPerSecond(), settle,
                            settings.latencySettleSeconds());
                    sending.start();
                    await(latency, collector, "latency", () -> { }, senderFailure::get);
                    sending.join();
                    if (senderFailure.get() != null) {
                        throw senderFailure.get();
                    }
                }
                streamThreadLatencies = StreamThreadLatencies.of(app.streams());
                // a producer replaced in the phase (fenced, or its thread replaced) takes its count with it
                producerRetries = Math.max(0, ProducerRetries.total(app.streams().metrics()) - retriesAtStart[0]);
                Histogram splitPhase = (latency != null ? latency : throughput).appLatency();
                appTimeSplit = timeSplit[0].split(splitPhase.getTotalCount() > 0 ? splitPhase.getMean() : -1);
                gcShare = gc.timeShare();
                gcCollections = gc.collections();
                heapPeak = GcMeter.heapPeakMegabytes();
            }
        }
        log.println("app and broker stopped; timing featurise + infer alone on the same documents");
        FeaturizeInferBound.Speed bound = FeaturizeInferBound.measure(settings.model(),
                corpus.documents(throughput.firstIndex(), throughput.documents()), settings.batchSize());
        double docsPerSecond = throughput.resultsPerSecond();
        double docsPerCpuSecond = cpuSeconds > 0 ? (throughput.results() - resultsAtCpuStart[0]) / cpuSeconds : -1;
        Phase measured = latency != null ? latency : throughput;
        Histogram append = measured.appendLatency();
        Histogram visible = measured.visibleLatency();
        Histogram ingest = measured.ingestLatency();
        Histogram inApp = measured.appLatency();
        List<Phase.LatencySlice> timeline = measured.timeline(1_000);
        logTail(timeline, append.getValueAtPercentile(99), latency == null ? 0 : settings.latencySettleSeconds());
        String basis = latency != null
                ? String.format(Locale.ROOT, "latency phase: %,d documents sent at %.0f docs/s (%s of the sustained throughput)%s",
                        latency.measuredDocuments(), latencyRate, settings.latencyRate().get().label(),
                        settings.latencySettleSeconds() == 0 ? ""
                                : " after " + settings.latencySettleSeconds() + " s at that rate to settle")
                : "preloaded backlog (no latency phase): mostly time spent queued behind earlier documents";
        return new E2eResult(settings.guarantee(), settings.langMix().label(), settings.documents(), warmupDocuments,
                settings.malformed(),
                settings.partitions(), settings.threads(), settings.batchSize(), Durations.format(settings.maxWait()),
                settings.brokerProcess() ? "separate process" : "in-process", settings.model().toString(), modelCreatedAt(),
                settings.data().toString(), corpus.distinctTexts(),
                round(docsPerSecond), round(bound.docsPerSecond()), round(docsPerSecond / bound.docsPerSecond(), 3),
                round(docsPerCpuSecond), round(bound.docsPerCpuSecond()),
                round(docsPerCpuSecond / bound.docsPerCpuSecond(), 3),
                throughput.results(), throughput.tagged(), throughput.deadLetters(), throughput.duplicates(),
                round(throughput.appendSpanMillis() / 1000.0, 3),
                basis, round(latencyRate), latency == null ? 0 : latency.measuredDocuments(),
                latency == null ? 0 : settings.latencySettleSeconds(),
                append.getValueAtPercentile(50), append.getValueAtPercentile(99), append.getValueAtPercentile(99.9),
                append.getMaxValue(),
                visible.getValueAtPercentile(50), visible.getValueAtPercentile(99), visible.getValueAtPercentile(99.9),
                ingest.getValueAtPercentile(50), ingest.getValueAtPercentile(99), inApp.getValueAtPercentile(50),
                inApp.getValueAtPercentile(99), inApp.getValueAtPercentile(99.9), timeline, inApp.getTotalCount(),
                streamThreadLatencies, producerRetries, appTimeSplit,
                round(GcMeter.heapMaxMegabytes()), round(heapPeak), round(gcShare, 4), gcCollections,
                round(processCores, 2), round(streamBusy, 3), cpuMicrosPerDoc, round(featurizeMicros),
                round(inferMicros), round(brokerCpuShare, 3),
                loadStart, RunEnvironment.loadAverage(), new TreeMap<>(settings.appSettings()),
                environment.command(), environment.gitCommit(), environment.jvm(), environment.jvmArgs(),
                environment.cpuModel(), environment.cores(), environment.date());
    }

    private String modelCreatedAt() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(settings.model())) {
            return bundle.manifest().createdAt();
        }
    }

    /** Says which seconds of the phase had a p99 above the measured documents' p99, the worst first. */
    private void logTail(List<Phase.LatencySlice> timeline, double p99, int settleSeconds) {
        List<Phase.LatencySlice> over = timeline.stream().filter(slice -> slice.p99Ms() > p99)
                .sorted(Comparator.comparingLong(Phase.LatencySlice::p99Ms).reversed()).toList();
        log.printf(Locale.ROOT, "seconds with a p99 above the measured p99 (%.0f ms): %d of %d%s%n", p99, over.size(),
                timeline.size(), over.stream().limit(5).map(slice -> String.format(Locale.ROOT, "%.0f s%s: p99 %d ms",
                        slice.startS(), slice.startS() < settleSeconds ? " (settling)" : "", slice.p99Ms()))
                        .collect(Collectors.joining(", ", over.isEmpty() ? "" : " (", over.isEmpty() ? "" : ")")));
    }

    private StreamSettings streamSettings(String bootstrapServers) {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", bootstrapServers);
        values.put("application.id", "glostream-bench-" + System.nanoTime());
        values.put("model.path", settings.model().toString());
        values.put("batch.size", Integer.toString(settings.batchSize()));
        values.put("batch.max-wait", Durations.format(settings.maxWait()));
        values.put("stream.threads", Integer.toString(settings.threads()));
        values.put("processing.guarantee", settings.guarantee());
        values.put("http.port", "-1");
        values.putAll(settings.appSettings());
        return StreamSettings.of(values);
    }

    /**
     * Waits for every result of {@code phase}, drawing a progress bar; runs {@code onFirstResult} once the first result
     * is in (within the 200 ms it polls at, or at the end when all came at once); fails on timeout, or when the
     * collector or {@code senderFailure} reports a failure.
     */
    private void await(Phase phase, ResultCollector collector, String label, Runnable onFirstResult,
            Supplier<RuntimeException> senderFailure) throws InterruptedException {
        boolean started = false;
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try (ProgressBar progress = ProgressBar.start(label, phase.expected(), "results")) {
            long shown = 0;
            while (!phase.await(200)) {
                long now = phase.results();
                if (!started && now > 0) {
                    onFirstResult.run();
                    started = true;
                }
                progress.step(now - shown);
                shown = now;
                if (senderFailure.get() != null) {
                    throw new IllegalStateException("sending failed: " + senderFailure.get().getMessage(),
                            senderFailure.get());
                }
                if (collector.failure() != null) {
                    throw new IllegalStateException("reading results failed: " + collector.failure().getMessage(),
                            collector.failure());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "only %,d of %,d results within %s",
                            now, phase.expected(), Durations.format(settings.timeout())));
                }
            }
            if (!started) {
                onFirstResult.run();
            }
            progress.step(phase.results() - shown);
        }
    }

    private static double round(double value) {
        return round(value, 1);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
