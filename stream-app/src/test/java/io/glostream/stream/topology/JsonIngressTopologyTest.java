package io.glostream.stream.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.model.TopicModel;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.schemas.client.Results;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.metrics.StreamMetrics;
import io.glostream.stream.model.ModelHolder;
import io.glostream.stream.testing.SampleBundles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonIngressTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");

    @TempDir
    Path dir;

    private ModelHolder models;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> avro;
    private TestInputTopic<byte[], byte[]> json;
    private TestOutputTopic<String, DocumentTopics> output;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() throws Exception {
        StreamSettings settings = StreamSettings.of(Map.of("topics.json-documents", "json-documents",
                "batch.size", "8", "state.dir", dir.toString()));
        models = new ModelHolder(TopicModel.load(SampleBundles.SAMPLE));
        StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry());
        driver = new TopologyTestDriver(GlostreamTopology.build(settings, models, metrics),
                GlostreamTopology.streamsProperties(settings, "unused:9092", metrics), T0);
        avro = driver.createInputTopic("documents", new ByteArraySerializer(), new ByteArraySerializer());
        json = driver.createInputTopic("json-documents", new ByteArraySerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(settings.outputTopic(), new StringDeserializer(),
                GlostreamSerdes.documentTopics().deserializer());
        deadLetters = driver.createOutputTopic(settings.deadLetterTopic(), new StringDeserializer(),
                GlostreamSerdes.deadLetter().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        models.close();
    }

    @Test
    void aJsonDocumentIsTaggedExactlyAsTheSameAvroDocument() {
        Document document = new Document("a", "en", "stock market shares fell", T0, Map.of());
        avro.pipeInput(key("a"), GlostreamSerdes.document().serialize("documents", document), T0.toEpochMilli());
        json.pipeInput(key("j"), utf8("{\"id\":\"j\",\"lang\":\"en\",\"text\":\"stock market shares fell\"}"),
                T0.toEpochMilli());
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DocumentTopics> tagged = output.readValuesToList();
        assertEquals(List.of("a", "j"), tagged.stream().map(DocumentTopics::getId).sorted().toList());
        assertEquals(tagged.get(0).getTheta(), tagged.get(1).getTheta());
        DocumentTopics fromJson = tagged.stream().filter(t -> t.getId().equals("j")).findFirst().orElseThrow();
        assertEquals(T0, fromJson.getTimestamp());
    }

    @Test
    void badJsonDocumentsAreDeadLetteredWithTheSameReasonsAndTheirOriginalBytes() {
        List<String> bad = List.of("{\"id\": \"m\", text", "[\"not\", \"an object\"]", "{\"id\":\"n\"}",
                "{\"id\":\"e\",\"text\":\"  \"}", "{\"text\":\"no id here\"}", "{\"id\":\"f\",\"lang\":\"fr\",\"text\":\"bourse\"}",
                "{\"id\":\"t\",\"text\":7}");
        for (String value : bad) {
            json.pipeInput(key("k"), utf8(value), T0.toEpochMilli());
        }
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertEquals(List.of(DeadLetterReason.UNDECODABLE, DeadLetterReason.UNDECODABLE, DeadLetterReason.MISSING_TEXT,
                DeadLetterReason.EMPTY_TEXT, DeadLetterReason.PROCESSING_ERROR, DeadLetterReason.UNSUPPORTED_LANGUAGE,
                DeadLetterReason.UNDECODABLE), letters.stream().map(DeadLetter::getReason).toList());
        for (int i = 0; i < bad.size(); i++) {
            assertArrayEquals(utf8(bad.get(i)), Results.original(letters.get(i)));
            assertEquals("json-documents", letters.get(i).getSourceTopic());
            assertEquals(i, letters.get(i).getOffset());
        }
        assertTrue(letters.get(0).getMessage().contains("malformed JSON"), letters.get(0).getMessage());
        assertTrue(letters.get(6).getMessage().contains("\"text\" must be a string, got a number"),
                letters.get(6).getMessage());
        assertTrue(output.isEmpty());
    }

    @Test
    void theTwoInputsBufferApartSoEqualOffsetsDoNotCollide() {
        avro.pipeInput(key("a"), GlostreamSerdes.document().serialize("documents",
                new Document("a", "en", "bank interest rates", T0, Map.of())), T0.toEpochMilli());
        json.pipeInput(key("j"), utf8("{\"id\":\"j\",\"text\":\"银行 利率\"}"), T0.toEpochMilli());
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DocumentTopics> tagged = output.readValuesToList();
        assertEquals(List.of("a:en", "j:zh"), tagged.stream().map(t -> t.getId() + ":" + t.getLang()).sorted().toList());
    }

    private static byte[] key(String id) {
        return utf8(id);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
