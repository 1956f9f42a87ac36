package io.glostream.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsWorkOutOfTheBox() {
        StreamSettings settings = StreamSettings.of(Map.of());
        assertEquals("glostream", settings.applicationId());
        assertEquals("documents", settings.documentsTopic());
        assertEquals("document-topics", settings.outputTopic());
        assertEquals("documents-dlq", settings.deadLetterTopic());
        assertEquals("topic-trends", settings.trendsTopic());
        assertEquals("glostream-models", settings.modelsTopic());
        assertEquals(64, settings.batchSize());
        assertEquals(Duration.ofMillis(5), settings.batchMaxWait());
        assertEquals("exactly_once_v2", settings.processingGuarantee());
        assertEquals(Duration.ofHours(1), settings.trendsWindow());
        assertFalse(settings.hasBootstrapServers());
        assertTrue(settings.modelPath().isEmpty());
        assertTrue(settings.jsonDocumentsTopic().isEmpty());
        assertEquals(List.of("documents"), settings.inputTopics());
    }

    @Test
    void jsonIngressAddsItsTopicToTheInputs() {
        StreamSettings settings = StreamSettings.of(Map.of("topics.json-documents", "json-docs"));
        assertEquals(List.of("documents", "json-docs"), settings.inputTopics());
    }

    @Test
    void kafkaSettingsPassThroughWithoutTheirPrefix() {
        StreamSettings settings = StreamSettings.of(Map.of("kafka.bootstrap.servers", "broker:9093",
                "kafka.security.protocol", "SASL_SSL", "kafka.sasl.mechanism", "SCRAM-SHA-512"));
        assertEquals(Map.of("bootstrap.servers", "broker:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512"), settings.kafka());
        assertTrue(settings.hasBootstrapServers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batch.size|0|batch.size must be between 1 and 100000, got 0",
        "batch.size|ten|batch.size must be a whole number, got 'ten'",
        "batch.max-wait|soon|batch.max-wait: 'soon' is not a duration; write e.g. 250ms, 30s, 15m, 1h, 2d or PT1H",
        "batch.max-wait|0ms|batch.max-wait must be positive, got 0ms",
        "processing.guarantee|exactly_once|processing.guarantee must be exactly_once_v2 or at_least_once, got 'exactly_once'",
        "http.port|70000|http.port must be -1 (off), 0 (any) or a port up to 65535, got 70000",
        "topics.output|bad topic|topics.output 'bad topic' is not a Kafka topic name (1 to 249 letters, digits, '.', '_', '-')",
        "topics.output|documents|topics.output 'documents' is also another of the app's topics",
        "topics.json-documents|documents|topics.json-documents 'documents' is also another of the app's topics",
        "topics.json-documents|a b|topics.json-documents 'a b' is not a Kafka topic name (1 to 249 letters, digits, '.', '_', '-')",
        "trends.retention|30m|trends.retention (30m) must be at least trends.window (1h)",
        "batch.sise|4|unknown setting 'batch.sise' (did you mean batch.size?); Kafka client settings take the prefix kafka.",
        "kafka.application.id|x|set application.id, processing.guarantee and stream.threads as glostream settings, not under kafka.",
    })
    void aBadValueIsRefusedWithAMessageNamingTheKey(String key, String value, String message) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> StreamSettings.of(Map.of(key, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aModelPathThatDoesNotExistIsRefused() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> StreamSettings.of(Map.of("model.path", dir.resolve("missing").toString())));
        assertEquals("model.path " + dir.resolve("missing") + ": no such bundle directory or zip", e.getMessage());
    }

    @Test
    void laterSourcesOverrideEarlierOnes() throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "batch.size=8\nbatch.max-wait=20ms\ntopics.documents=news\nkafka.client.id=from-file\n");
        Map<String, String> env = Map.of("GLOSTREAM_BATCH_SIZE", "16", "GLOSTREAM_KAFKA_CLIENT_ID", "from-env",
                "GLOSTREAM_BATCH_MAX_WAIT", "30ms", "PATH", "/usr/bin");
        StreamSettings settings = SettingsLoader.load(file, env, Map.of("batch.size", "32"));
        assertEquals(32, settings.batchSize());
        assertEquals(Duration.ofMillis(30), settings.batchMaxWait());
        assertEquals("news", settings.documentsTopic());
        assertEquals("from-env", settings.kafka().get("client.id"));
    }

    @Test
    void environmentVariablesMapToTheirKeys() {
        Map<String, String> env = new HashMap<>();
        env.put("GLOSTREAM_TOPICS_DEAD_LETTERS", "dlq");
        env.put("GLOSTREAM_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;");
        Map<String, String> raw = SettingsLoader.fromEnvironment(env);
        assertEquals("dlq", raw.get("topics.dead-letters"));
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required;", raw.get("kafka.sasl.jaas.config"));
    }

    @Test
    void anUnknownGlostreamVariableIsRefused() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SettingsLoader.fromEnvironment(Map.of("GLOSTREAM_BATCHSIZE", "4")));
        assertTrue(e.getMessage().startsWith("unknown environment variable GLOSTREAM_BATCHSIZE"), e.getMessage());
    }

    @Test
    void aMissingConfigFileIsAOneLineError() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SettingsLoader.load(dir.resolve("nope.properties"), Map.of(), Map.of()));
        assertEquals("--config " + dir.resolve("nope.properties") + ": no such file", e.getMessage());
    }

    @Test
    void aMalformedConfigFileIsAOneLineError() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "batch.size=\\uZZZZ\n");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SettingsLoader.load(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("--config " + file + ": not a readable properties file"), e.getMessage());
    }

    @Test
    void withReplacesOneValueAndValidatesAgain() {
        StreamSettings settings = StreamSettings.of(Map.of("batch.size", "8"));
        assertEquals(16, settings.with("batch.size", "16").batchSize());
        assertThrows(InvalidSettingsException.class, () -> settings.with("batch.size", "-1"));
    }

    @Test
    void everySettingHasADescriptionAndAnEnvironmentVariable() {
        for (Setting setting : StreamSettings.SETTINGS) {
            assertFalse(setting.description().isBlank(), setting.key());
            assertTrue(setting.environmentVariable().matches("GLOSTREAM_[A-Z_]+"), setting.environmentVariable());
        }
        assertEquals("GLOSTREAM_BATCH_MAX_WAIT", new Setting("batch.max-wait", null, "x").environmentVariable());
        assertEquals(List.of(), StreamSettings.SETTINGS.stream().map(Setting::key)
                .filter(key -> key.startsWith(StreamSettings.KAFKA_PREFIX)).toList());
    }
}
