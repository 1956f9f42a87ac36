package io.glostream.stream.model;

import io.glostream.schemas.GlostreamSerdes;
import io.glostream.schemas.ModelRef;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Announces a bundle on the control topic, keyed by the model name, so every instance swaps to it. */
public final class ModelPublisher {

    private ModelPublisher() {
    }

    /**
     * Writes {@code ref} under {@code modelName} and waits for the broker's acknowledgement.
     *
     * @param kafka client settings (bootstrap servers, security...)
     */
    public static RecordMetadata publish(Map<String, Object> kafka, String topic, String modelName, ModelRef ref)
            throws ExecutionException, InterruptedException {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            byte[] value = GlostreamSerdes.modelRef().serialize(topic, ref);
            return producer.send(new ProducerRecord<>(topic, modelName.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }
}
