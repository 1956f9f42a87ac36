package io.glostream.stream.broker;

import io.glostream.core.bundle.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster inside this JVM: one KRaft node that is both broker and controller, listening on
 * free loopback ports, with the settings exactly-once processing needs on one node (see {@link SingleNodeConfig}).
 *
 * <p>{@link #start(BrokerOptions)} returns once the broker answers requests. {@link #close()} stops it and, when the broker
 * made its own temporary data directory, deletes that directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** How long starting up, or a topic becoming usable, may take before we give up. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final long LEADER_POLL_MILLIS = 20;

    private final KafkaRaftServer server;
    private final Admin admin;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final BrokerOptions options;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Admin admin, String bootstrapServers, Path dataDir,
            boolean deleteDataDirOnClose, BrokerOptions options) {
        this.server = server;
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.options = options;
    }

    /** Starts a broker in a new temporary directory that {@link #close()} deletes. */
    public static EmbeddedKafkaBroker start() {
        return start(BrokerOptions.defaults());
    }

    /**
     * Starts a broker that keeps its logs in {@code dataDir/kraft-combined-logs}, formatting the directory on first use and reusing
     * its cluster and records on later starts. A null {@code dataDir} means a new temporary directory that
     * {@link #close()} deletes. Ports are picked afresh on every start.
     *
     * @throws IllegalStateException if the broker does not start or does not answer within a minute
     */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(BrokerOptions.defaults().withDataDir(dataDir));
    }

    /**
     * Starts a broker as {@code options} say: on its data directory (as {@link #start(Path)}), on its ports (free
     * ones where they are 0), with a SASL/PLAIN client listener when it names users. {@link #options()} then
     * gives the ports taken, so that a broker closed on a persistent directory can start again where its clients
     * look for it.
     *
     * @throws IllegalStateException if the broker does not start or does not answer within a minute
     */
    public static EmbeddedKafkaBroker start(BrokerOptions options) {
        Objects.requireNonNull(options, "options");
        long startNanos = System.nanoTime();
        boolean temporary = options.dataDir() == null;
        Path dir = temporary ? createTempDir() : options.dataDir().toAbsolutePath();
        Path logDir = dir.resolve("kraft-combined-logs");
        int[] free = FreePorts.pick(3);
        BrokerOptions taken = options.withDataDir(temporary ? null : dir).withPorts(
                options.brokerPort() == 0 ? free[0] : options.brokerPort(),
                options.controllerPort() == 0 ? free[1] : options.controllerPort(),
                options.sasl() && options.saslPort() == 0 ? free[2] : options.saslPort());
        String internal = SingleNodeConfig.HOST + ":" + taken.brokerPort();
        String bootstrap = options.sasl() ? SingleNodeConfig.HOST + ":" + taken.saslPort() : internal;
        KafkaRaftServer server = null;
        Admin admin = null;
        boolean started = false;
        try {
            Properties properties = options.sasl()
                    ? SingleNodeConfig.properties(logDir, taken.brokerPort(), taken.controllerPort(), taken.saslPort(),
                            options.plainUsers())
                    : SingleNodeConfig.properties(logDir, taken.brokerPort(), taken.controllerPort());
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            boolean formatted = KraftStorage.formatIfNeeded(config, logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internal));
            awaitClusterAnswers(admin);
            LOG.info("Kafka broker on {}{} ({} log dir {}) started in {} ms", bootstrap,
                    options.sasl() ? " (SASL_PLAINTEXT, PLAIN)" : "", formatted ? "new" : "existing", logDir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            started = true;
            return new EmbeddedKafkaBroker(server, admin, bootstrap, dir, temporary, taken);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka broker in " + dir + " did not start: " + e.getMessage(), e);
        } finally {
            if (!started) {
                stop(server, admin);
                if (temporary) {
                    deleteRecursively(dir);
                }
            }
        }
    }

    /**
     * The options this broker runs with, every port the one it took: starting them again after {@link #close()}
     * restarts this broker on the same directory and addresses (for a persistent data directory).
     */
    public BrokerOptions options() {
        return options;
    }

    /** The {@code host:port} clients connect to (the SASL listener when the broker has one). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding this broker's logs (its own temporary one if none was given). */
    public Path dataDir() {
        return dataDir;
    }

    /** An admin client of this broker (on its PLAINTEXT listener), shared and closed by {@link #close()}: callers must not close it. */
    public Admin admin() {
        return admin;
    }

    /**
     * Creates the given topics and returns once every partition of each has a leader. Topics that already exist
     * are left as they are, whatever their partition count or configuration.
     *
     * @throws IllegalStateException if creation fails or the topics get no leaders within a minute
     */
    public void createTopics(Collection<NewTopic> topics) {
        Objects.requireNonNull(topics, "topics");
        if (topics.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (NewTopic topic : topics) {
            names.add(Objects.requireNonNull(topic, "topics must not contain null").name());
        }
        try {
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
                awaitCreated(created.getKey(), created.getValue());
            }
            awaitLeaders(names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        }
    }

    /**
     * Stops the broker and waits until it has stopped; deletes the data directory if the broker made it. Calling
     * it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long startNanos = System.nanoTime();
        try {
            stop(server, admin);
        } finally {
            if (deleteDataDirOnClose) {
                deleteRecursively(dataDir);
            }
        }
        LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private static void awaitClusterAnswers(Admin admin) throws Exception {
        int nodes = admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        if (nodes != 1) {
            throw new IllegalStateException("expected one node in the cluster, found " + nodes);
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> creation) throws InterruptedException {
        try {
            creation.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + topic + " not created within " + READY_TIMEOUT, e);
        }
    }

    /**
     * The controller acknowledges a creation before this broker has applied it; until then, describing or
     * producing to the topic fails. We wait here so that callers never see that window.
     */
    private void awaitLeaders(List<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!allHaveLeaders(topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " have no leaders after " + READY_TIMEOUT);
            }
            Thread.sleep(LEADER_POLL_MILLIS);
        }
    }

    private boolean allHaveLeaders(List<String> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream())
                    .map(TopicPartitionInfo::leader)
                    .allMatch(leader -> leader != null && !leader.isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("could not describe topics " + topics + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("topics " + topics + " not described within " + READY_TIMEOUT, e);
        }
    }

    private static void stop(KafkaRaftServer server, Admin admin) {
        if (admin != null) {
            admin.close(ADMIN_CLOSE_TIMEOUT);
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("glostream-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for the embedded broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Directories.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the embedded broker's directory " + dir, e);
        }
    }
}
