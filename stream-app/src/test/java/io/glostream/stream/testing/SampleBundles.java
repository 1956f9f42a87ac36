package io.glostream.stream.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** The committed sample bundle, and copies of it under another version, as a retrain would publish. */
public final class SampleBundles {

    /** The committed tiny model: en + zh, 10 topics, version sample-1, name gloctm-en-zh-sample. */
    public static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "bundle");
    public static final String SAMPLE_VERSION = "sample-1";
    public static final String SAMPLE_NAME = "gloctm-en-zh-sample";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SampleBundles() {
    }

    /**
     * A copy of the sample bundle at {@code target}, version {@code version}, in which the Chinese side is declared
     * as {@code language}: its files, manifest entries and topic words are renamed and the changed files' checksums
     * recomputed, so it is a real bundle that loads and serves English and {@code language} (its vocabulary is still
     * the Chinese one), as a retrain on another language pair would publish.
     */
    public static Path copyWithLanguage(Path target, String version, String language) {
        if (language == null || !language.matches("[a-z]{2,3}") || language.equals("zh") || language.equals("en")) {
            throw new IllegalArgumentException("language must be a lower-case code other than en and zh, got " + language);
        }
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(SAMPLE)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString().replace("-zh.", "-" + language + ".");
                    Files.copy(file, target.resolve(name));
                }
            }
            Path topics = target.resolve("topics.json");
            Files.writeString(topics, JSON.writeValueAsString(renamed(JSON.readTree(topics.toFile()), language)));
            Path manifest = target.resolve("manifest.json");
            ObjectNode json = (ObjectNode) renamed(JSON.readTree(manifest.toFile()), language);
            json.put("modelVersion", version);
            ((ObjectNode) json.get("files")).put("topics.json", sha256(topics));
            JSON.writeValue(manifest.toFile(), json);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code node} with every field name and text "zh" (or a file name of zh) renamed to {@code language}. */
    private static JsonNode renamed(JsonNode node, String language) {
        if (node.isTextual()) {
            return TextNode.valueOf(renamed(node.asText(), language));
        }
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(renamed(element, language)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> object.set(renamed(field.getKey(), language),
                    renamed(field.getValue(), language)));
            return object;
        }
        return node;
    }

    private static String renamed(String text, String language) {
        return text.equals("zh") ? language : text.replace("-zh.", "-" + language + ".");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /**
     * A copy of the sample bundle at {@code target} whose manifest names {@code version}: every checksum
     * still holds (the manifest lists the other files' sums, not its own), so it loads as a new version.
     */
    public static Path copyWithVersion(Path target, String version) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(SAMPLE)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()));
                }
            }
            Path manifest = target.resolve("manifest.json");
            ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
            json.put("modelVersion", version);
            JSON.writeValue(manifest.toFile(), json);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
