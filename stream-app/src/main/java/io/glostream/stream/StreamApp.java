package io.glostream.stream;

import io.glostream.core.bundle.Directories;
import io.glostream.core.model.TopicModel;
import io.glostream.schemas.ModelRef;
import io.glostream.stream.broker.EmbeddedKafkaBroker;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.metrics.StreamMetrics;
import io.glostream.stream.model.ModelControlListener;
import io.glostream.stream.model.ModelHolder;
import io.glostream.stream.model.ModelLoader;
import io.glostream.stream.model.ModelRefusedException;
import io.glostream.stream.ops.KafkaStreamsBinding;
import io.glostream.stream.ops.OpsServer;
import io.glostream.stream.ops.TrendsSource;
import io.glostream.stream.topology.FederatedTrends;
import io.glostream.stream.topology.GlostreamTopology;
import io.glostream.stream.topology.WindowStoreTrends;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the stream app: the Kafka Streams topology, the model it serves and follows on
 * the control topic, its metrics and HTTP endpoints, and, when no cluster is configured, the in-process
 * KRaft broker it runs against with its topics created.
 */
public final class StreamApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamApp.class);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final StreamSettings settings;
    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;
    private PrometheusMeterRegistry registry;
    private StreamMetrics metrics;
    private ModelHolder models;
    private String modelName;
    private KafkaStreams streams;
    private TrendsSource trends;
    private OpsServer ops;

    private StreamApp(StreamSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything and returns once Kafka Streams has been started (not necessarily RUNNING yet; see
     * {@link #awaitRunning}).
     *
     * @throws ModelRefusedException when no model can serve: none given, or the given or announced one fails
     * @throws IllegalStateException when the cluster lacks the app's topics or cannot be reached
     */
    public static StreamApp start(StreamSettings settings) throws ModelRefusedException {
        StreamApp app = new StreamApp(settings);
        try {
            app.startAll();
            return app;
        } catch (ModelRefusedException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll() throws ModelRefusedException {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        resources.add(gc);
        metrics = new StreamMetrics(registry);

        if (settings.hasBootstrapServers()) {
            bootstrapServers = settings.kafka().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
            checkTopicsExist();
        } else {
            broker = EmbeddedKafkaBroker.start(settings.embeddedDataDir().orElse(null));
            resources.add(broker);
            bootstrapServers = broker.bootstrapServers();
            broker.createTopics(embeddedTopics());
            LOG.info("no kafka.bootstrap.servers configured: started an in-process KRaft broker at {}", bootstrapServers);
        }

        ModelLoader loader = new ModelLoader(settings.inferenceThreads());
        TopicModel initial = settings.modelPath().isPresent() ? loader.load(settings.modelPath().get()) : null;
        modelName = settings.modelName().orElse(initial == null ? null : initial.manifest().modelName());
        if (modelName == null) {
            throw new ModelRefusedException("no model to serve: set model.path (or --model) to a bundle, "
                    + "or model.name to follow one announced on " + settings.modelsTopic());
        }
        ModelControlListener listener = new ModelControlListener(clientSettings(), settings.modelsTopic(), modelName,
                loader, metrics);
        resources.add(() -> listener.close());
        Optional<ModelRef> announced = listener.latestAnnouncement(CLIENT_TIMEOUT);
        initial = newestOf(initial, announced, loader);
        models = new ModelHolder(initial);
        resources.add(models);
        metrics.modelServing(initial.version(), false);
        listener.start(models, initial.manifestSha256());
        LOG.info("serving model {} {} ({} topics, languages {})", modelName, initial.version(), initial.numTopics(),
                initial.languages());

        Map<String, Object> streamsConfig = new HashMap<>();
        GlostreamTopology.streamsProperties(settings, bootstrapServers, metrics)
                .forEach((key, value) -> streamsConfig.put(String.valueOf(key), value));
        if (settings.stateDir().isEmpty()) {
            Path stateDir = temporaryStateDir();
            streamsConfig.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        streams = new KafkaStreams(GlostreamTopology.build(settings, models, metrics), new StreamsConfig(streamsConfig));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("a stream thread failed; replacing it (it resumes from the last committed offsets)", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        resources.add(() -> streams.close(CLIENT_TIMEOUT));
        KafkaStreamsBinding binding = KafkaStreamsBinding.bind(streams, registry);
        resources.add(binding);
        TrendsSource localTrends = new WindowStoreTrends(() -> streams.store(StoreQueryParameters.fromNameAndType(
                GlostreamTopology.TRENDS_STORE, QueryableStoreTypes.<String, Long>windowStore())), models, Clock.systemUTC());
        trends = settings.httpAdvertised().<TrendsSource>map(self -> new FederatedTrends(localTrends,
                () -> peers(HostInfo.buildFromEndpoint(self)))).orElse(localTrends);
        streams.start();

        if (settings.httpPort() >= 0) {
            ops = OpsServer.start(new InetSocketAddress(settings.httpHost(), settings.httpPort()), registry,
                    this::live, this::ready, trends, localTrends);
            resources.add(ops);
            LOG.info("metrics, health and trends on http://{}:{}/ (metrics, health, ready, trends)", settings.httpHost(),
                    ops.port());
        }
    }

    private List<HostInfo> peers(HostInfo self) {
        return streams.streamsMetadataForStore(GlostreamTopology.TRENDS_STORE).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self) && host.port() > 0)
                .toList();
    }

    private TopicModel newestOf(TopicModel initial, Optional<ModelRef> announced, ModelLoader loader)
            throws ModelRefusedException {
        if (announced.isEmpty() || (initial != null && initial.manifestSha256().equalsIgnoreCase(announced.get().getSha256()))) {
            if (initial == null) {
                throw new ModelRefusedException("no model to serve: nothing is announced for " + modelName + " on "
                        + settings.modelsTopic() + " and no model.path is set");
            }
            return initial;
        }
        try {
            TopicModel latest = loader.load(modelName, announced.get());
            if (initial != null) {
                initial.close();
            }
            LOG.info("the control topic announces {} {}: serving it", modelName, latest.version());
            return latest;
        } catch (ModelRefusedException e) {
            metrics.modelRefused();
            if (initial == null) {
                throw e;
            }
            LOG.warn("refused the announced model ({}); serving model.path's {}", e.getMessage(), initial.version());
            return initial;
        }
    }

    /** Kafka client settings for the app's own consumers and producers: the kafka.* settings and the cluster. */
    public Map<String, Object> clientSettings() {
        Map<String, Object> client = new HashMap<>(settings.kafka());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return client;
    }

    private List<NewTopic> embeddedTopics() {
        int partitions = settings.embeddedPartitions();
        List<NewTopic> topics = new ArrayList<>();
        List<String> names = new ArrayList<>(settings.inputTopics());
        names.addAll(List.of(settings.outputTopic(), settings.deadLetterTopic(), settings.trendsTopic()));
        for (String topic : names) {
            topics.add(new NewTopic(topic, partitions, (short) 1));
        }
        topics.add(new NewTopic(settings.modelsTopic(), 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return topics;
    }

    private void checkTopicsExist() {
        Set<String> needed = new TreeSet<>(settings.inputTopics());
        needed.addAll(List.of(settings.outputTopic(), settings.deadLetterTopic(), settings.trendsTopic(),
                settings.modelsTopic()));
        try (Admin admin = Admin.create(clientSettings())) {
            Set<String> existing = admin.listTopics().names().get();
            needed.removeAll(existing);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the topics of " + bootstrapServers + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
        if (!needed.isEmpty()) {
            throw new IllegalStateException("the cluster at " + bootstrapServers + " has no topic " + String.join(", ", needed)
                    + "; create them (deploy/ has the commands) or point topics.* at existing ones");
        }
    }

    private Path temporaryStateDir() {
        try {
            Path dir = Files.createTempDirectory("glostream-streams-");
            resources.add(() -> Directories.deleteRecursively(dir));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Kafka Streams state directory", e);
        }
    }

    private boolean live() {
        KafkaStreams.State state = streams.state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
    }

    private boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Waits until Kafka Streams is RUNNING.
     *
     * @throws IllegalStateException when it is not within {@code timeout} or has failed
     */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (!live()) {
                throw new IllegalStateException("Kafka Streams is " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams is still " + streams.state() + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    public StreamSettings settings() {
        return settings;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The model name followed on the control topic. */
    public String modelName() {
        return modelName;
    }

    public ModelHolder models() {
        return models;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public TrendsSource trends() {
        return trends;
    }

    /** The HTTP port of the endpoints, when they are on. */
    public Optional<Integer> httpPort() {
        return ops == null ? Optional.empty() : Optional.of(ops.port());
    }

    /** Stops everything in reverse order of start; the broker last, so Streams can commit first. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
    }
}
