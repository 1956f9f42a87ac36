package io.glostream.stream.testing;

import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.stream.StreamApp;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.model.ModelRefusedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One stream-app run against a real cluster, on topics of its own: creates the topics, starts the app,
 * sends documents and raw records, and reads back every result (read-committed) from the output and
 * dead-letter topics. Shared by the in-process broker tests and the Testcontainers variant.
 */
public final class StreamScenario implements AutoCloseable {

    private final String bootstrapServers;
    private final StreamSettings settings;
    private final KafkaProducer<byte[], byte[]> producer;
    private StreamApp app;

    /** A scenario whose topics and application id are new names, on a topic of {@code partitions} partitions. */
    public StreamScenario(String bootstrapServers, int partitions, Path stateDir, Map<String, String> extra) {
        this.bootstrapServers = bootstrapServers;
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("kafka.bootstrap.servers", bootstrapServers);
        raw.put("application.id", prefix);
        raw.put("topics.documents", prefix + "-documents");
        raw.put("topics.output", prefix + "-topics");
        raw.put("topics.dead-letters", prefix + "-dlq");
        raw.put("topics.trends", prefix + "-trends");
        raw.put("topics.models", prefix + "-models");
        raw.put("model.path", SampleBundles.SAMPLE.toString());
        raw.put("http.port", "-1");
        raw.put("state.dir", stateDir.toString());
        raw.put("kafka.commit.interval.ms", "100");
        raw.putAll(extra);
        settings = StreamSettings.of(raw);
        createTopics(partitions);
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public StreamSettings settings() {
        return settings;
    }

    public StreamApp app() {
        return app;
    }

    /** Starts the app and waits until it runs. */
    public StreamApp start() throws ModelRefusedException, InterruptedException {
        app = StreamApp.start(settings);
        app.awaitRunning(Duration.ofMinutes(2));
        return app;
    }

    /** Sends documents keyed by id and waits for the broker's acknowledgement. */
    public void send(List<Document> documents) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (Document document : documents) {
            records.add(new ProducerRecord<>(settings.documentsTopic(), document.getId().getBytes(StandardCharsets.UTF_8),
                    GlostreamSerdes.document().serialize(settings.documentsTopic(), document)));
        }
        sendRaw(records);
    }

    /** Sends raw records (their topic is replaced by the documents topic). */
    public void sendRaw(List<ProducerRecord<byte[], byte[]>> records) {
        for (ProducerRecord<byte[], byte[]> record : records) {
            producer.send(new ProducerRecord<>(settings.documentsTopic(), record.key(), record.value()));
        }
        producer.flush();
    }

    /** Every result so far, read-committed: tagged documents and dead letters, in per-partition order. */
    public Results readResults(int expected, Duration timeout) {
        Map<String, Object> config = clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Results results = new Results();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(settings.outputTopic(), settings.deadLetterTopic()));
            while (results.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(settings.outputTopic())) {
                        results.tagged.add(new Tagged(record.partition(),
                                GlostreamSerdes.documentTopics().deserialize(record.topic(), record.value())));
                    } else {
                        results.deadLetters.add(GlostreamSerdes.deadLetter().deserialize(record.topic(), record.value()));
                    }
                }
            }
        }
        return results;
    }

    private void createTopics(int partitions) {
        try (Admin admin = Admin.create(clientConfig())) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(settings.documentsTopic(), settings.outputTopic(), settings.deadLetterTopic(),
                    settings.trendsTopic())) {
                topics.add(new NewTopic(topic, partitions, (short) 1));
            }
            topics.add(new NewTopic(settings.modelsTopic(), 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the scenario's topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cluster and the scenario's security settings ({@code kafka.security.*}, {@code kafka.sasl.*},
     * {@code kafka.ssl.*}), so that the test's own clients get in where the app does.
     */
    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        settings.kafka().forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** A document stamped now. */
    public static Document document(String id, String lang, String text) {
        return Document.newBuilder().setId(id).setLang(lang).setText(text).setTimestamp(Instant.now())
                .setAttributes(Map.of()).build();
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        producer.close();
    }

    /** A tagged document and the output partition it was read from. */
    public record Tagged(int partition, DocumentTopics topics) {
    }

    /** What came out. */
    public static final class Results {
        public final List<Tagged> tagged = new ArrayList<>();
        public final List<DeadLetter> deadLetters = new ArrayList<>();

        public int size() {
            return tagged.size() + deadLetters.size();
        }
    }
}
