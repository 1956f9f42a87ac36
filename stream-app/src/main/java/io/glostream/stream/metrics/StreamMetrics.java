package io.glostream.stream.metrics;

import io.glostream.schemas.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's own meters, beside the Kafka Streams and client metrics the binders add: documents in
 * and out per language, dead letters by reason, batch sizes, inference and featurisation latency, OOV rate,
 * how long documents take to be read and to be tagged once read, the serving model's version and the swaps and
 * refusals of models. Thread-safe.
 */
public final class StreamMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> documentsIn = new ConcurrentHashMap<>();
    private final Map<String, Counter> documentsOut = new ConcurrentHashMap<>();
    private final Map<DeadLetterReason, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> topTopics = new ConcurrentHashMap<>();
    private final DistributionSummary batchSize;
    private final Timer inference;
    private final Timer featurization;
    private final DistributionSummary oovRate;
    private final Timer readDelay;
    private final Timer holdTime;
    private final Counter swaps;
    private final Counter refusals;
    private final AtomicReference<String> servingVersion = new AtomicReference<>();

    public StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("glostream.inference.batch.size")
                .description("Documents per encoder call").baseUnit("documents")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.inference = Timer.builder("glostream.inference.latency")
                .description("Time of one batched encoder call").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        this.featurization = Timer.builder("glostream.featurization.latency")
                .description("Analysis, bag of words and polyglot augmentation of one document")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.oovRate = DistributionSummary.builder("glostream.document.oov.rate")
                .description("Share of a document's tokens outside the model vocabulary")
                .publishPercentiles(0.5, 0.9).register(registry);
        this.readDelay = Timer.builder("glostream.document.read.delay")
                .description("From a document's record timestamp (its append, for a topic with LogAppendTime) to the "
                        + "app reading it: fetch, poll and the stream thread's backlog")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1)).register(registry);
        this.holdTime = Timer.builder("glostream.document.hold.time")
                .description("From the app reading a document to forwarding its topics: the wait for its batch, then "
                        + "the batch's featurisation and encoder call")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1)).register(registry);
        this.swaps = Counter.builder("glostream.model.swaps").description("Models swapped in while running")
                .register(registry);
        this.refusals = Counter.builder("glostream.model.refused")
                .description("Announced models refused because they failed to load or verify").register(registry);
    }

    /** A document read from the input topic, by its given or detected language ("unknown" when neither). */
    public void documentIn(String lang) {
        documentsIn.computeIfAbsent(lang, l -> Counter.builder("glostream.documents.in").tag("lang", l)
                .description("Documents read").register(registry)).increment();
    }

    /** A document tagged and written to the output topic. */
    public void documentOut(String lang, double documentOovRate) {
        documentsOut.computeIfAbsent(lang, l -> Counter.builder("glostream.documents.out").tag("lang", l)
                .description("Documents tagged with topics").register(registry)).increment();
        oovRate.record(documentOovRate);
    }

    /**
     * The top topic of a tagged document, counted per language and topic id: summed over replicas, the
     * rate of {@code glostream.documents.top.topic} is the topic trend of the whole stream in Prometheus, over
     * any range, beside the windows /trends reports. At most K × languages series.
     */
    public void topTopic(String lang, int topic) {
        topTopics.computeIfAbsent(lang + '\u0000' + topic, key -> Counter.builder("glostream.documents.top.topic")
                .tag("lang", lang).tag("topic", Integer.toString(topic))
                .description("Tagged documents by their top topic").register(registry)).increment();
    }

    /** A record written to the dead-letter topic. */
    public void deadLetter(DeadLetterReason reason) {
        deadLetters.computeIfAbsent(reason, r -> Counter.builder("glostream.dead.letters").tag("reason", r.name())
                .description("Records sent to the dead-letter topic").register(registry)).increment();
    }

    /** One batched encoder call over {@code size} documents. */
    public void batch(int size, long inferenceNanos) {
        batchSize.record(size);
        inference.record(inferenceNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A document read {@code delayMillis} after its record timestamp; a timestamp ahead of the app's clock (a
     * producer's skewed CreateTime) counts as 0.
     */
    public void read(long delayMillis) {
        readDelay.record(Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    /** A document's topics forwarded {@code nanos} after the app read it. */
    public void held(long nanos) {
        holdTime.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** One document's featurisation. */
    public void featurized(long nanos) {
        featurization.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The model now serving: the gauge {@code glostream.model.info{version}} is 1 for it (and disappears for
     * the one it replaced); {@code swapped} counts a swap (not the first load).
     */
    public void modelServing(String version, boolean swapped) {
        String previous = servingVersion.getAndSet(version);
        if (previous != null && !previous.equals(version)) {
            registry.find("glostream.model.info").tag("version", previous).gauges().forEach(registry::remove);
        }
        Gauge.builder("glostream.model.info", servingVersion, current -> version.equals(current.get()) ? 1 : 0)
                .tag("version", version).description("1 for the model version serving").strongReference(true)
                .register(registry);
        if (swapped) {
            swaps.increment();
        }
    }

    /** An announced model that was refused; the serving one stays. */
    public void modelRefused() {
        refusals.increment();
    }

    /** The registry these meters live in. */
    public MeterRegistry registry() {
        return registry;
    }
}
