package io.glostream.stream.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real {@link KafkaStreams} that is built but never started: building it already creates its
 * stream threads, producers, consumers and admin client, and their metrics, so no broker is needed.
 * One instance serves every test (building and closing one takes about a second); each test binds it
 * to a fresh registry.
 */
class KafkaStreamsBindingTest {

    private static final List<Tag> APP = List.of(Tag.of("app", "glostream"));
    private static final int STREAM_THREADS = 2;

    @TempDir
    static Path stateDir;

    private static KafkaStreams streams;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeAll
    static void buildStreams() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("documents").to("document-topics");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ops-binding-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, STREAM_THREADS);
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        streams = new KafkaStreams(builder.build(), config);
    }

    @AfterAll
    static void closeStreams() {
        streams.close(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private List<Meter> kafkaMeters() {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("kafka.")).toList();
    }

    private boolean hasMeterStartingWith(String prefix) {
        return kafkaMeters().stream().anyMatch(m -> m.getId().getName().startsWith(prefix));
    }

    @Test
    void bindingRegistersClientThreadProducerAndConsumerMeters() {
        try (KafkaStreamsBinding binding = KafkaStreamsBinding.bind(streams, registry, APP)) {
            assertTrue(hasMeterStartingWith("kafka.stream.alive.stream.threads"));
            assertTrue(hasMeterStartingWith("kafka.stream.thread."));
            assertTrue(hasMeterStartingWith("kafka.producer."));
            assertTrue(hasMeterStartingWith("kafka.consumer."));
        }
    }

    @Test
    void aliveThreadsCountsTheConfiguredStreamThreadsOfTheInstance() {
        try (KafkaStreamsBinding binding = KafkaStreamsBinding.bind(streams, registry, APP)) {
            assertEquals(STREAM_THREADS, registry.get("kafka.stream.alive.stream.threads").gauge().value());
        }
    }

    @Test
    void everyBoundMeterCarriesTheGivenTags() {
        try (KafkaStreamsBinding binding = KafkaStreamsBinding.bind(streams, registry, APP)) {
            List<Meter> untagged = kafkaMeters().stream()
                    .filter(m -> !"glostream".equals(m.getId().getTag("app")))
                    .toList();

            assertFalse(kafkaMeters().isEmpty());
            assertEquals(List.of(), untagged);
        }
    }

    @Test
    void boundMetersAppearInThePrometheusScrape() {
        try (KafkaStreamsBinding binding = KafkaStreamsBinding.bind(streams, registry, APP)) {
            String scrape = registry.scrape();

            assertTrue(scrape.contains("kafka_stream_alive_stream_threads{app=\"glostream\""), scrape);
        }
    }

    @Test
    void closeRemovesTheBoundMetersAndKeepsTheOthers() {
        Counter own = Counter.builder("glostream.documents.in").register(registry);
        KafkaStreamsBinding binding = KafkaStreamsBinding.bind(streams, registry);
        assertFalse(kafkaMeters().isEmpty());

        binding.close();

        assertEquals(List.of(), kafkaMeters());
        assertEquals(List.of(own), registry.getMeters());
    }
}
