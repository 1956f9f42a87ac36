package io.glostream.schemas.client;

import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients for the glostream topics, with the keys as strings (the document id) and the values in the
 * app's Avro single-object encoding, so an application needs only this module to talk to the stream app.
 *
 * <p>The configuration maps are any Kafka client settings ({@code bootstrap.servers}, {@code security.protocol},
 * {@code sasl.*}...). Producers default to idempotent writes acknowledged by every in-sync replica; consumers
 * default to {@code read_committed}, since the app writes its output in transactions (exactly-once), and to no
 * auto-commit. A setting given in the map wins over these defaults.
 */
public final class GlostreamClient {

    private GlostreamClient() {
    }

    /** A producer of {@link Document}s for the documents topic; send with {@link #send}. */
    public static KafkaProducer<String, Document> documentProducer(Map<String, Object> config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putAll(config);
        return new KafkaProducer<>(settings, new StringSerializer(), GlostreamSerdes.document().serializer());
    }

    /**
     * Sends {@code document} keyed by its id, with its timestamp as the record timestamp (the app's trend
     * windows follow record time).
     */
    public static Future<RecordMetadata> send(KafkaProducer<String, Document> producer, String topic, Document document) {
        Objects.requireNonNull(document, "document");
        return producer.send(new ProducerRecord<>(topic, null, document.getTimestamp().toEpochMilli(), document.getId(),
                document));
    }

    /** A consumer of the document-topics topic; subscribe or assign it yourself. */
    public static KafkaConsumer<String, DocumentTopics> documentTopicsConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(consumerSettings(config), new StringDeserializer(),
                GlostreamSerdes.documentTopics().deserializer());
    }

    /** A consumer of the dead-letter topic; subscribe or assign it yourself. */
    public static KafkaConsumer<String, DeadLetter> deadLetterConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(consumerSettings(config), new StringDeserializer(),
                GlostreamSerdes.deadLetter().deserializer());
    }

    private static Map<String, Object> consumerSettings(Map<String, Object> config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.putAll(config);
        return settings;
    }
}
