package io.glostream.stream.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.model.TopicModel;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.metrics.StreamMetrics;
import io.glostream.stream.model.ModelHolder;
import io.glostream.stream.testing.SampleBundles;
import io.glostream.stream.topology.GlostreamTopology;
import io.glostream.stream.topology.TopicInferenceProcessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws seeded random malformed and hostile records at the whole topology: every record must end in exactly one
 * tagged output or one dead letter with a reason and a message, no exception may escape, and the inference buffer
 * must be empty once the last batch is due (memory stays bounded by the batch, whatever arrives). A failure names the
 * seed; rerun with {@code -Dglostream.fuzz.seed=N} to reproduce it.
 */
class BadInputFuzzTest {

    private static final long SEED = Long.getLong("glostream.fuzz.seed", 20261127L);
    private static final int RECORDS = Integer.getInteger("glostream.fuzz.records", 1_500);
    private static final int MAX_CHARS = 2_000;
    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");
    private static final String[] WORDS_EN = {"stock", "market", "football", "players", "government", "economy",
        "music", "star", "bank", "rates", "fell", "team"};
    private static final String[] WORDS_ZH = {"股市", "下跌", "银行", "利率", "球员", "经济", "明星", "学校"};
    private static final String[] OTHER_SCRIPTS = {"Привет мир", "مرحبا بالعالم", "こんにちは世界", "안녕하세요",
        "γειά σου κόσμε", "שלום עולם", "नमस्ते दुनिया", "🙂🚀🌍"};
    private static final String[] LANGUAGES = {"en", "zh", "fr", "xx", "", " ", "EN", "zh-Hans", "ja", "und",
        "en\u0000", "中文"};

    /** What a generated record is, and the dead-letter reason it must get when its outcome is certain. */
    enum Kind {
        RANDOM_BYTES(DeadLetterReason.UNDECODABLE),
        TRUNCATED_AVRO(DeadLetterReason.UNDECODABLE),
        WRONG_FINGERPRINT(DeadLetterReason.UNDECODABLE),
        NULL_VALUE(DeadLetterReason.MISSING_TEXT),
        EMPTY_TEXT(DeadLetterReason.EMPTY_TEXT),
        HUGE_TEXT(DeadLetterReason.TEXT_TOO_LONG),
        CONTROL_CHARACTERS(null),
        LONE_SURROGATES(null),
        MIXED_SCRIPTS(null),
        ODD_LANGUAGE(null),
        VALID(null);

        /** The certain reason, or null when the record may be tagged or dead-lettered by its content. */
        final DeadLetterReason reason;

        Kind(DeadLetterReason reason) {
            this.reason = reason;
        }
    }

    @TempDir
    Path dir;

    private final Random random = new Random(SEED);

    @Test
    void everyHostileRecordEndsInExactlyOneResultAndTheBufferEmpties() throws Exception {
        StreamSettings settings = StreamSettings.of(Map.of("batch.size", "16", "batch.max-wait", "100ms",
                "text.max-chars", Integer.toString(MAX_CHARS), "state.dir", dir.resolve("state").toString()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamMetrics metrics = new StreamMetrics(registry);
        Map<String, Kind> kinds = new HashMap<>();
        List<String> tagged = new ArrayList<>();
        List<String> deadLettered = new ArrayList<>();
        Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
        try (ModelHolder models = new ModelHolder(TopicModel.load(SampleBundles.SAMPLE));
                TopologyTestDriver driver = new TopologyTestDriver(GlostreamTopology.build(settings, models, metrics),
                        GlostreamTopology.streamsProperties(settings, "unused:9092", metrics), T0)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(settings.documentsTopic(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, DocumentTopics> output = driver.createOutputTopic(settings.outputTopic(),
                    new StringDeserializer(), GlostreamSerdes.documentTopics().deserializer());
            TestOutputTopic<String, DeadLetter> letters = driver.createOutputTopic(settings.deadLetterTopic(),
                    new StringDeserializer(), GlostreamSerdes.deadLetter().deserializer());
            for (int i = 0; i < RECORDS; i++) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                String key = "fuzz-" + i;
                kinds.put(key, kind);
                perKind.merge(kind, 1, Integer::sum);
                input.pipeInput(key.getBytes(StandardCharsets.UTF_8), value(kind, key, settings.documentsTopic()),
                        T0.plusMillis(i));
                if (random.nextInt(50) == 0) {
                    driver.advanceWallClockTime(Duration.ofMillis(100));
                }
            }
            driver.advanceWallClockTime(Duration.ofMillis(100));

            for (KeyValue<String, DocumentTopics> result : output.readKeyValuesToList()) {
                DocumentTopics topics = result.value;
                assertEquals(result.key, topics.getId(), seed());
                assertValidTheta(topics);
                assertFalse(kinds.get(result.key).reason != null, result.key + " (" + kinds.get(result.key)
                        + ") must be dead-lettered but was tagged; " + seed());
                tagged.add(result.key);
            }
            for (KeyValue<String, DeadLetter> result : letters.readKeyValuesToList()) {
                DeadLetter letter = result.value;
                String key = new String(bytes(letter.getOriginalKey()), StandardCharsets.UTF_8);
                Kind kind = kinds.get(key);
                assertNotNull(kind, "a dead letter for an unknown key " + key);
                assertNotNull(letter.getReason(), key);
                assertFalse(letter.getMessage() == null || letter.getMessage().isBlank(), key + " has no message");
                assertEquals(settings.documentsTopic(), letter.getSourceTopic());
                assertEquals(Integer.parseInt(key.substring("fuzz-".length())), letter.getOffset(),
                        "the dead letter names the record's offset");
                if (kind.reason != null) {
                    assertEquals(kind.reason, letter.getReason(), key + " (" + kind + "): " + letter.getMessage()
                            + "; " + seed());
                }
                deadLettered.add(key);
            }
            KeyValueStore<Long, byte[]> buffer = driver.getKeyValueStore(TopicInferenceProcessor.BUFFER_STORE);
            assertEquals(0, buffer.approximateNumEntries(), "documents left in the inference buffer");
        }

        ReliabilityRow row = ReliabilityRow.tally("bad input: random hostile records (TopologyTestDriver, seed " + SEED
                + ")", "topology", kinds.keySet(), tagged, deadLettered).record();
        assertEquals(0, row.lost(), "records with no result; " + seed());
        assertEquals(0, row.duplicated(), "records with more than one result; " + seed());
        assertEquals(RECORDS, row.out() + row.deadLettered());
        assertTrue(perKind.keySet().containsAll(Arrays.asList(Kind.values())), "every kind was generated: " + perKind);
        assertTrue(row.out() > 0 && row.deadLettered() > 0, row.toString());
        assertEquals((double) row.deadLettered(), registry.find("glostream.dead.letters").counters().stream()
                .mapToDouble(c -> c.count()).sum(), "every dead letter counted");
    }

    private byte[] value(Kind kind, String id, String topic) {
        return switch (kind) {
            case RANDOM_BYTES -> randomBytes(random.nextInt(300));
            case TRUNCATED_AVRO -> {
                byte[] full = serialize(topic, document(id, "en", words(WORDS_EN, 1 + random.nextInt(20))));
                yield Arrays.copyOf(full, random.nextInt(full.length));
            }
            case WRONG_FINGERPRINT -> {
                byte[] full = serialize(topic, document(id, "en", words(WORDS_EN, 5)));
                full[2 + random.nextInt(8)] ^= (byte) (1 + random.nextInt(255));
                yield full;
            }
            case NULL_VALUE -> null;
            case EMPTY_TEXT -> serialize(topic, document(id, pick(LANGUAGES), random.nextBoolean() ? "" : " \t\n\r "));
            case HUGE_TEXT -> serialize(topic, document(id, "en",
                    "x".repeat(MAX_CHARS + 1 + random.nextInt(random.nextBoolean() ? 100 : 200_000))));
            case CONTROL_CHARACTERS -> serialize(topic, document(id, maybeLanguage(), controlled()));
            case LONE_SURROGATES -> serialize(topic, document(id, maybeLanguage(), surrogates()));
            case MIXED_SCRIPTS -> serialize(topic, document(id, maybeLanguage(), words(WORDS_EN, 3) + " "
                    + words(WORDS_ZH, 3) + " " + pick(OTHER_SCRIPTS)));
            case ODD_LANGUAGE -> serialize(topic, document(id, pick(LANGUAGES), words(WORDS_EN, 4)));
            case VALID -> serialize(topic, document(id, random.nextBoolean() ? "en" : "zh",
                    random.nextBoolean() ? words(WORDS_EN, 8) : words(WORDS_ZH, 8)));
        };
    }

    private String controlled() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append(random.nextInt(3) == 0 ? pick(WORDS_EN) + " " : Character.toString(random.nextInt(0x20)));
        }
        text.append('\u007F').append('\u200B').append('\uFEFF').append('\u202E');
        return text.toString();
    }

    private String surrogates() {
        StringBuilder text = new StringBuilder(pick(WORDS_EN)).append(' ');
        for (int i = 0; i < 10; i++) {
            text.append(random.nextBoolean() ? (char) (0xD800 + random.nextInt(0x400)) : (char) (0xDC00 + random.nextInt(0x400)));
            text.append(random.nextBoolean() ? pick(WORDS_ZH) : " ");
        }
        return text.toString();
    }

    private String maybeLanguage() {
        return random.nextBoolean() ? null : pick(LANGUAGES);
    }

    private String words(String[] words, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(pick(words));
        }
        return text.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Document document(String id, String lang, String text) {
        return Document.newBuilder().setId(id).setLang(lang).setText(text).setTimestamp(T0).setAttributes(Map.of())
                .build();
    }

    private static byte[] serialize(String topic, Document document) {
        return GlostreamSerdes.document().serialize(topic, document);
    }

    private static void assertValidTheta(DocumentTopics topics) {
        double sum = 0;
        for (float weight : topics.getTheta()) {
            assertTrue(Float.isFinite(weight) && weight >= 0, topics.getId() + ": theta " + topics.getTheta());
            sum += weight;
        }
        assertEquals(1.0, sum, 1e-4, topics.getId() + ": theta sums to " + sum);
    }

    private static String seed() {
        return "seed " + SEED + " (-Dglostream.fuzz.seed)";
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
