package io.glostream.stream.topology;

import io.glostream.schemas.GlostreamSerdes;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.metrics.StreamMetrics;
import io.glostream.stream.model.ModelHolder;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The stream app's topology: documents → validate, featurise, infer in batches → document-topics, with
 * rejected records to the dead-letter topic and, from the tagged documents, windowed counts per language
 * and top topic into a queryable store and the trends topic. See {@link TopicInferenceProcessor}.
 *
 * <p>When {@code topics.json-documents} is set, JSON documents from that topic take the same path through a
 * processor of their own (its own buffer: offsets of two topics would collide in one), merged before the
 * outputs.
 */
public final class GlostreamTopology {

    /** The queryable window store of topic-trends counts, keyed by {@link TrendKeys}. */
    public static final String TRENDS_STORE = "topic-trends-store";

    /** The producers' {@code linger.ms} unless the settings give one. */
    public static final int DEFAULT_LINGER_MS = 5;
    /** Kafka Streams' own {@code poll.ms}: the longest the stream thread's poll may block without glostream. */
    private static final long STREAMS_POLL_MS = 100;

    /** The batch buffer of the JSON ingress processor. */
    public static final String JSON_BUFFER_STORE = TopicInferenceProcessor.BUFFER_STORE + "-json";

    private GlostreamTopology() {
    }

    public static Topology build(StreamSettings settings, ModelHolder models, StreamMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        TaggedDocuments tagged = new TaggedDocuments(settings.outputTopTopics(), settings.outputTopicWords());
        KStream<String, Outcome> outcomes = inference(builder, new TopicInferenceProcessor.Input(settings.documentsTopic(),
                DocumentDecoder.avro(), TopicInferenceProcessor.BUFFER_STORE), "", settings, models, metrics, tagged);
        if (settings.jsonDocumentsTopic().isPresent()) {
            TopicInferenceProcessor.Input json = new TopicInferenceProcessor.Input(settings.jsonDocumentsTopic().get(),
                    DocumentDecoder.json(), JSON_BUFFER_STORE);
            outcomes = outcomes.merge(inference(builder, json, "-json", settings, models, metrics, tagged),
                    Named.as("merge-json"));
        }
        Map<String, KStream<String, Outcome>> branches = outcomes.split(Named.as("outcome-"))
                .branch((id, outcome) -> outcome instanceof Outcome.Tagged, Branched.as("tagged"))
                .defaultBranch(Branched.as("rejected"));
        KStream<String, Outcome> taggedDocuments = branches.get("outcome-tagged");
        taggedDocuments
                .mapValues(outcome -> ((Outcome.Tagged) outcome).topics(), Named.as("topics"))
                .to(settings.outputTopic(), Produced.with(Serdes.String(), GlostreamSerdes.documentTopics())
                        .withName("document-topics"));
        branches.get("outcome-rejected")
                .mapValues(outcome -> ((Outcome.Rejected) outcome).deadLetter(), Named.as("dead-letters"))
                .to(settings.deadLetterTopic(), Produced.with(Serdes.String(), GlostreamSerdes.deadLetter())
                        .withName("documents-dlq"));
        Duration window = settings.trendsWindow();
        Duration grace = min(window, settings.trendsRetention().minus(window));
        taggedDocuments
                .map((id, outcome) -> {
                    Outcome.Tagged done = (Outcome.Tagged) outcome;
                    return KeyValue.pair(TrendKeys.of(done.topics().getLang(), done.topTopic()), id);
                }, Named.as("trend-keys"))
                .groupByKey(Grouped.with("trends", Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(window, grace))
                .count(Named.as("trend-counts"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(TRENDS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.Long())
                        .withRetention(settings.trendsRetention()))
                .toStream(Named.as("trend-updates"))
                .to(settings.trendsTopic(), Produced.with(
                        WindowedSerdes.timeWindowedSerdeFrom(String.class, window.toMillis()), Serdes.Long())
                        .withName("topic-trends"));
        return builder.build();
    }

    /** One input topic through a {@link TopicInferenceProcessor} with its own buffer. */
    private static KStream<String, Outcome> inference(StreamsBuilder builder, TopicInferenceProcessor.Input input,
            String nameSuffix, StreamSettings settings, ModelHolder models, StreamMetrics metrics, TaggedDocuments tagged) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(input.bufferStore()), Serdes.Long(), Serdes.ByteArray())
                .withCachingEnabled());
        return builder
                .stream(input.topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("documents" + nameSuffix))
                .process(() -> new TopicInferenceProcessor(input, models, metrics, tagged, settings.batchSize(),
                        settings.batchMaxWait(), settings.maxTextChars()), Named.as("infer" + nameSuffix),
                        input.bufferStore());
    }

    /**
     * The Kafka Streams configuration: the {@code kafka.*} settings first, then what glostream owns
     * (application id, guarantee, threads, the dead-letter handlers).
     */
    public static Properties streamsProperties(StreamSettings settings, String bootstrapServers, StreamMetrics metrics) {
        Properties properties = new Properties();
        properties.putAll(settings.kafka());
        // Kafka Streams lingers 100 ms, and without a full batch a result waits for it or for the next commit:
        // 50 ms of a document's latency at low rates (measured, bench/results/e2e.md); 5 ms costs nothing under load,
        // where batches fill first
        if (!properties.containsKey(ProducerConfig.LINGER_MS_CONFIG)
                && !properties.containsKey(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))) {
            properties.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), DEFAULT_LINGER_MS);
        }
        // A batch is flushed by a wall-clock punctuation, which runs only between polls; with no more input the
        // stream thread's poll blocks for poll.ms (100), so a lone document waited 100 ms instead of batch.max-wait
        // (measured at 5 docs/s: hold p50 112 ms, bench/results/e2e.md)
        properties.putIfAbsent(StreamsConfig.POLL_MS_CONFIG,
                Math.max(1, Math.min(STREAMS_POLL_MS, settings.batchMaxWait().toMillis())));
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        settings.stateDir().ifPresent(dir -> properties.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString()));
        settings.httpAdvertised().ifPresent(address -> properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, address));
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        properties.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        properties.put(DeadLetterExceptionHandler.TOPIC_CONFIG, settings.deadLetterTopic());
        properties.put(DeadLetterExceptionHandler.METRICS_CONFIG, metrics);
        return properties;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
