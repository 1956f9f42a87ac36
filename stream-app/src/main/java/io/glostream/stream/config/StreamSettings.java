package io.glostream.stream.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stream app's validated configuration. Every value is checked when the settings are made, so a bad
 * one stops the app at start-up with a message naming the key, never later in the middle of a stream.
 * Keys under {@code kafka.} go to the Kafka clients and Streams as they are (without the prefix), which
 * is how SASL, TLS and any other client setting are given.
 */
public final class StreamSettings {

    /** Prefix of the settings passed through to Kafka. */
    public static final String KAFKA_PREFIX = "kafka.";

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern ADVERTISED = Pattern.compile("[A-Za-z0-9._-]+:[1-9][0-9]{0,4}");

    /** Every glostream setting with its default, in the order the help lists them. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("application.id", "glostream", "Kafka Streams application id: instances with the same id share the work"),
            new Setting("model.path", null, "Model bundle (directory or .zip) to serve until the control topic announces another"),
            new Setting("model.name", null, "Model name followed on the control topic (default: the bundle's own name)"),
            new Setting("topics.documents", "documents", "Input topic of Avro Document records"),
            new Setting("topics.json-documents", null, "Input topic of JSON documents {id, lang?, text, timestamp?, "
                    + "attributes?} (default: none, JSON ingress off)"),
            new Setting("topics.output", "document-topics", "Output topic of Avro DocumentTopics records"),
            new Setting("topics.dead-letters", "documents-dlq", "Dead-letter topic of Avro DeadLetter records"),
            new Setting("topics.trends", "topic-trends", "Windowed counts of documents per language and top topic"),
            new Setting("topics.models", "glostream-models", "Compacted control topic of Avro ModelRef records"),
            new Setting("batch.size", "64", "Most documents per encoder call"),
            new Setting("batch.max-wait", "5ms", "Longest a document waits for its batch to fill"),
            new Setting("text.max-chars", "100000", "Longer texts go to the dead-letter topic (TEXT_TOO_LONG)"),
            new Setting("stream.threads", "1", "Kafka Streams threads of this instance"),
            new Setting("inference.threads", "1", "ONNX Runtime intra-op threads per encoder"),
            new Setting("processing.guarantee", "exactly_once_v2", "exactly_once_v2 or at_least_once"),
            new Setting("output.top-topics", "3", "Top topics listed per document"),
            new Setting("output.topic-words", "10", "Words listed per top topic and language"),
            new Setting("trends.window", "1h", "Size of the tumbling windows of topic-trends"),
            new Setting("trends.retention", "7d", "How long windows stay queryable"),
            new Setting("http.host", "0.0.0.0", "Address of the /metrics, /health, /ready and /trends endpoints"),
            new Setting("http.port", "8080", "Port of those endpoints (0: any free port; -1: no HTTP server)"),
            new Setting("http.advertised", null, "host:port other instances reach this one's endpoints at; with several instances, /trends adds theirs"),
            new Setting("state.dir", null, "Kafka Streams state directory (default: a directory under java.io.tmpdir)"),
            new Setting("embedded.data-dir", null, "Log directory of the embedded broker (default: temporary, deleted on exit)"),
            new Setting("embedded.partitions", "4", "Partitions of the topics the embedded default creates"));

    private static final Map<String, Setting> BY_KEY = byKey();

    private final Map<String, String> values;
    private final Map<String, String> kafka;

    private StreamSettings(Map<String, String> values, Map<String, String> kafka) {
        this.values = values;
        this.kafka = kafka;
    }

    /**
     * Validates {@code raw} (glostream keys and {@code kafka.*} keys; missing glostream keys take their
     * defaults).
     *
     * @throws InvalidSettingsException naming the first bad key and what it accepts
     */
    public static StreamSettings of(Map<String, String> raw) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        for (Setting setting : SETTINGS) {
            if (setting.defaultValue() != null) {
                values.put(setting.key(), setting.defaultValue());
            }
        }
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String key = entry.getKey().strip();
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length()) {
                kafka.put(key.substring(KAFKA_PREFIX.length()), value);
            } else if (BY_KEY.containsKey(key)) {
                if (value.isEmpty()) {
                    values.remove(key);
                } else {
                    values.put(key, value);
                }
            } else {
                throw new InvalidSettingsException("unknown setting '" + key + "'" + suggestion(key)
                        + "; Kafka client settings take the prefix " + KAFKA_PREFIX);
            }
        }
        StreamSettings settings = new StreamSettings(Collections.unmodifiableMap(values), Collections.unmodifiableMap(kafka));
        settings.validate();
        return settings;
    }

    public String applicationId() {
        return values.get("application.id");
    }

    /** The bundle to serve first, when given. */
    public Optional<Path> modelPath() {
        return Optional.ofNullable(values.get("model.path")).map(Path::of);
    }

    public Optional<String> modelName() {
        return Optional.ofNullable(values.get("model.name"));
    }

    public String documentsTopic() {
        return values.get("topics.documents");
    }

    /** The JSON ingress topic, when JSON ingress is on. */
    public Optional<String> jsonDocumentsTopic() {
        return Optional.ofNullable(values.get("topics.json-documents"));
    }

    /** The app's input topics: the documents topic, then the JSON ingress topic when on. */
    public List<String> inputTopics() {
        List<String> inputs = new ArrayList<>(List.of(documentsTopic()));
        jsonDocumentsTopic().ifPresent(inputs::add);
        return List.copyOf(inputs);
    }

    public String outputTopic() {
        return values.get("topics.output");
    }

    public String deadLetterTopic() {
        return values.get("topics.dead-letters");
    }

    public String trendsTopic() {
        return values.get("topics.trends");
    }

    public String modelsTopic() {
        return values.get("topics.models");
    }

    public int batchSize() {
        return integer("batch.size");
    }

    public Duration batchMaxWait() {
        return Durations.parse(values.get("batch.max-wait"));
    }

    public int maxTextChars() {
        return integer("text.max-chars");
    }

    public int streamThreads() {
        return integer("stream.threads");
    }

    public int inferenceThreads() {
        return integer("inference.threads");
    }

    public String processingGuarantee() {
        return values.get("processing.guarantee");
    }

    public int outputTopTopics() {
        return integer("output.top-topics");
    }

    public int outputTopicWords() {
        return integer("output.topic-words");
    }

    public Duration trendsWindow() {
        return Durations.parse(values.get("trends.window"));
    }

    public Duration trendsRetention() {
        return Durations.parse(values.get("trends.retention"));
    }

    public String httpHost() {
        return values.get("http.host");
    }

    /** -1 when the HTTP endpoints are off. */
    public int httpPort() {
        return integer("http.port");
    }

    /** The host:port other instances of the application reach this instance's endpoints at, when set. */
    public Optional<String> httpAdvertised() {
        return Optional.ofNullable(values.get("http.advertised"));
    }

    public Optional<Path> stateDir() {
        return Optional.ofNullable(values.get("state.dir")).map(Path::of);
    }

    public Optional<Path> embeddedDataDir() {
        return Optional.ofNullable(values.get("embedded.data-dir")).map(Path::of);
    }

    public int embeddedPartitions() {
        return integer("embedded.partitions");
    }

    /** The Kafka settings, without their prefix. */
    public Map<String, String> kafka() {
        return kafka;
    }

    /** Whether a cluster is configured; when not, the app runs the embedded broker. */
    public boolean hasBootstrapServers() {
        String servers = kafka.get("bootstrap.servers");
        return servers != null && !servers.isBlank();
    }

    /** The same settings with {@code key} set to {@code value} (validated again). */
    public StreamSettings with(String key, String value) {
        Map<String, String> raw = asMap();
        raw.put(key, value);
        return of(raw);
    }

    /** Every value, glostream keys and {@code kafka.*} keys, as {@link #of} reads them. */
    public Map<String, String> asMap() {
        Map<String, String> raw = new LinkedHashMap<>(values);
        kafka.forEach((key, value) -> raw.put(KAFKA_PREFIX + key, value));
        return raw;
    }

    private void validate() {
        positive("batch.size", 100_000);
        positive("text.max-chars", Integer.MAX_VALUE);
        positive("stream.threads", 1024);
        positive("inference.threads", 1024);
        positive("output.top-topics", 10_000);
        positive("output.topic-words", 10_000);
        positive("embedded.partitions", 10_000);
        int port = integer("http.port");
        if (port < -1 || port > 65_535) {
            throw new InvalidSettingsException("http.port must be -1 (off), 0 (any) or a port up to 65535, got " + port);
        }
        httpAdvertised().ifPresent(advertised -> {
            if (!ADVERTISED.matcher(advertised).matches() || Integer.parseInt(advertised.substring(advertised.lastIndexOf(':') + 1)) > 65_535) {
                throw new InvalidSettingsException("http.advertised must be host:port with a port from 1 to 65535, got '"
                        + advertised + "'");
            }
        });
        positiveDuration("batch.max-wait");
        positiveDuration("trends.window");
        positiveDuration("trends.retention");
        if (trendsRetention().compareTo(trendsWindow()) < 0) {
            throw new InvalidSettingsException("trends.retention (" + values.get("trends.retention")
                    + ") must be at least trends.window (" + values.get("trends.window") + ")");
        }
        String guarantee = processingGuarantee();
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            throw new InvalidSettingsException("processing.guarantee must be exactly_once_v2 or at_least_once, got '"
                    + guarantee + "'");
        }
        if (!TOPIC_NAME.matcher(applicationId()).matches()) {
            throw new InvalidSettingsException("application.id '" + applicationId()
                    + "' may hold only letters, digits, '.', '_' and '-'");
        }
        Set<String> topics = new HashSet<>();
        for (String key : List.of("topics.documents", "topics.json-documents", "topics.output", "topics.dead-letters",
                "topics.trends", "topics.models")) {
            String topic = values.get(key);
            if (topic == null && key.equals("topics.json-documents")) {
                continue;
            }
            if (topic == null || !TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw new InvalidSettingsException(key + " '" + topic
                        + "' is not a Kafka topic name (1 to 249 letters, digits, '.', '_', '-')");
            }
            if (!topics.add(topic)) {
                throw new InvalidSettingsException(key + " '" + topic + "' is also another of the app's topics");
            }
        }
        modelPath().ifPresent(path -> {
            if (!Files.exists(path)) {
                throw new InvalidSettingsException("model.path " + path + ": no such bundle directory or zip");
            }
        });
        if (kafka.containsKey("application.id") || kafka.containsKey("processing.guarantee")
                || kafka.containsKey("num.stream.threads")) {
            throw new InvalidSettingsException("set application.id, processing.guarantee and stream.threads as glostream "
                    + "settings, not under " + KAFKA_PREFIX);
        }
    }

    private int integer(String key) {
        String value = values.get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(key + " must be a whole number, got '" + value + "'");
        }
    }

    private void positive(String key, int max) {
        int value = integer(key);
        if (value < 1 || value > max) {
            throw new InvalidSettingsException(key + " must be between 1 and " + max + ", got " + value);
        }
    }

    private void positiveDuration(String key) {
        Duration duration;
        try {
            duration = Durations.parse(values.get(key));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(key + ": " + e.getMessage());
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidSettingsException(key + " must be positive, got " + values.get(key));
        }
    }

    private static String suggestion(String key) {
        List<String> close = new ArrayList<>();
        for (String known : BY_KEY.keySet()) {
            if (editDistance(known, key) <= 3) {
                close.add(known);
            }
        }
        return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, Setting> byKey() {
        Map<String, Setting> map = new LinkedHashMap<>();
        SETTINGS.forEach(setting -> map.put(setting.key(), setting));
        return Collections.unmodifiableMap(map);
    }
}
