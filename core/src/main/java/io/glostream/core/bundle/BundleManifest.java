package io.glostream.core.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code manifest.json} of a model bundle: what the model is, how its inputs are laid out, and the
 * SHA-256 of every other file in the bundle. Immutable: collections are unmodifiable and JSON objects
 * are copied in and out. Maps are kept sorted by key and JSON objects held in the form a JSON reader
 * gives them, so two manifests are equal exactly when they serialise to the same bytes. Unknown JSON
 * properties are ignored, so readers of format 1 accept later additions.
 *
 * @param formatVersion bundle format; this code reads up to {@link #SUPPORTED_FORMAT_VERSION}
 * @param modelVersion version of the trained model, named by every output it produces
 * @param modelName the model's name (the control topic's key)
 * @param createdAt ISO-8601 instant of the export
 * @param languages ISO 639-1 codes in the order of the joint {@code [lang1 | lang2 | ...]} layout
 * @param vocabularySizes V per language
 * @param topics K
 * @param neighbourK neighbours per word used by polyglot augmentation
 * @param analyzers analyzer settings per language, as the analyzer component serialises them
 * @param encoders {@value #GLOBAL_ENCODER} and one per language
 * @param trainingData fingerprint and provenance of the training corpus
 * @param metrics evaluation results, free form
 * @param files bundle-relative path to SHA-256 (lower-case hex) of every file except the manifest
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"formatVersion", "modelVersion", "modelName", "createdAt", "languages", "vocabularySizes",
    "topics", "neighbourK", "analyzers", "encoders", "trainingData", "metrics", "files"})
public record BundleManifest(
        int formatVersion,
        String modelVersion,
        String modelName,
        String createdAt,
        List<String> languages,
        Map<String, Integer> vocabularySizes,
        int topics,
        int neighbourK,
        Map<String, ObjectNode> analyzers,
        Map<String, EncoderSpec> encoders,
        ObjectNode trainingData,
        ObjectNode metrics,
        Map<String, String> files) {

    /** The newest bundle format this code reads and the one it writes. */
    public static final int SUPPORTED_FORMAT_VERSION = 1;
    /** The manifest's own path inside a bundle. */
    public static final String MANIFEST_FILE = "manifest.json";
    /** Name of the encoder that reads the joint polyglot layout. */
    public static final String GLOBAL_ENCODER = "global";

    public BundleManifest {
        languages = languages == null ? List.of() : List.copyOf(languages);
        vocabularySizes = sorted(vocabularySizes);
        analyzers = sortedCopies(analyzers);
        encoders = sorted(encoders);
        trainingData = ManifestJson.canonical(trainingData);
        metrics = ManifestJson.canonical(metrics);
        files = sorted(files);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Analyzer settings per language (copies). */
    @Override
    public Map<String, ObjectNode> analyzers() {
        return sortedCopies(analyzers);
    }

    /** Training-data fingerprint and provenance (a copy). */
    @Override
    public ObjectNode trainingData() {
        return trainingData.deepCopy();
    }

    /** Evaluation metrics (a copy). */
    @Override
    public ObjectNode metrics() {
        return metrics.deepCopy();
    }

    /** The sum of all languages' vocabulary sizes: V of the global encoder. */
    public int jointVocabularySize() {
        return languages.stream().mapToInt(lang -> vocabularySizes.getOrDefault(lang, 0)).sum();
    }

    /** This manifest with {@code files} replaced. */
    public BundleManifest withFiles(Map<String, String> newFiles) {
        return new BundleManifest(formatVersion, modelVersion, modelName, createdAt, languages, vocabularySizes,
                topics, neighbourK, analyzers, encoders, trainingData, metrics, newFiles);
    }

    /** The manifest as JSON (UTF-8, indented, deterministic). */
    public byte[] toJson() {
        return ManifestJson.write(this);
    }

    /**
     * Reads a manifest, checking its format version before anything else so a newer bundle is
     * reported as such rather than as unparseable. Does not check consistency.
     */
    public static BundleManifest fromJson(byte[] json) throws BundleVerificationException {
        return ManifestJson.read(json);
    }

    /**
     * Checks that the manifest describes a loadable model: every language has a vocabulary size,
     * there are encoders for {@value #GLOBAL_ENCODER} and each language whose input dimensions are the
     * joint and per-language vocabulary sizes and whose outputs are K, and every listed path is a safe
     * relative path with a SHA-256.
     *
     * @throws BundleVerificationException naming {@value #MANIFEST_FILE} (or the offending path) and the cause
     */
    public void checkConsistent() throws BundleVerificationException {
        Optional<String> problem = firstInconsistency();
        if (problem.isPresent()) {
            throw new BundleVerificationException(MANIFEST_FILE, problem.get());
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Optional<String> pathProblem = BundlePaths.problemWith(file.getKey());
            if (pathProblem.isPresent()) {
                throw new BundleVerificationException(file.getKey(), pathProblem.get());
            }
            if (file.getKey().equals(MANIFEST_FILE)) {
                throw new BundleVerificationException(MANIFEST_FILE, "the manifest cannot list itself");
            }
            if (!Sha256.isHex(file.getValue())) {
                throw new BundleVerificationException(file.getKey(),
                        "listed sha256 is not 64 lower-case hex digits: " + file.getValue());
            }
        }
    }

    private Optional<String> firstInconsistency() {
        List<String> problems = new ArrayList<>();
        if (formatVersion < 1 || formatVersion > SUPPORTED_FORMAT_VERSION) {
            problems.add("bundle format " + formatVersion + " is not supported");
        }
        if (isBlank(modelVersion)) {
            problems.add("modelVersion is missing");
        }
        if (isBlank(modelName)) {
            problems.add("modelName is missing");
        }
        if (isBlank(createdAt)) {
            problems.add("createdAt is missing");
        } else {
            try {
                Instant.parse(createdAt);
            } catch (DateTimeParseException e) {
                problems.add("createdAt is not an ISO-8601 instant: " + createdAt);
            }
        }
        if (languages.isEmpty()) {
            problems.add("languages is empty");
        }
        if (new HashSet<>(languages).size() != languages.size()) {
            problems.add("languages repeat: " + languages);
        }
        if (topics <= 0) {
            problems.add("topics must be positive, got " + topics);
        }
        if (neighbourK < 0) {
            problems.add("neighbourK must not be negative, got " + neighbourK);
        }
        if (!vocabularySizes.keySet().equals(new HashSet<>(languages))) {
            problems.add("vocabularySizes covers " + vocabularySizes.keySet() + ", languages are " + languages);
        }
        vocabularySizes.forEach((lang, size) -> {
            if (size == null || size <= 0) {
                problems.add("vocabulary size of '" + lang + "' must be positive, got " + size);
            }
        });
        if (problems.isEmpty()) {
            checkEncoders(problems);
        }
        return problems.stream().findFirst();
    }

    private void checkEncoders(List<String> problems) {
        Map<String, Integer> expectedInputs = new TreeMap<>();
        expectedInputs.put(GLOBAL_ENCODER, jointVocabularySize());
        for (String lang : languages) {
            expectedInputs.put(lang, vocabularySizes.get(lang));
        }
        Set<String> missing = new HashSet<>(expectedInputs.keySet());
        missing.removeAll(encoders.keySet());
        if (!missing.isEmpty()) {
            problems.add("encoders missing for " + new TreeSet<>(missing));
            return;
        }
        encoders.forEach((name, spec) -> {
            if (spec == null || isBlank(spec.file())) {
                problems.add("encoder '" + name + "' has no file");
                return;
            }
            if (!files.containsKey(spec.file())) {
                problems.add("encoder '" + name + "' file " + spec.file() + " is not listed in files");
            }
            Integer expectedInput = expectedInputs.get(name);
            if (expectedInput != null && spec.inputDim() != expectedInput) {
                problems.add("encoder '" + name + "' inputDim " + spec.inputDim() + " differs from "
                        + (name.equals(GLOBAL_ENCODER) ? "the joint vocabulary size " : "the vocabulary size ")
                        + expectedInput);
            }
            if (expectedInput == null && spec.inputDim() <= 0) {
                problems.add("encoder '" + name + "' inputDim must be positive, got " + spec.inputDim());
            }
            if (spec.outputDim() != topics) {
                problems.add("encoder '" + name + "' outputDim " + spec.outputDim() + " differs from topics "
                        + topics);
            }
        });
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    private static Map<String, ObjectNode> sortedCopies(Map<String, ObjectNode> map) {
        TreeMap<String, ObjectNode> copies = new TreeMap<>();
        if (map != null) {
            map.forEach((key, node) -> copies.put(key, ManifestJson.canonical(node)));
        }
        return Collections.unmodifiableMap(copies);
    }

    /** Collects manifest fields; {@link #files} are left to {@link BundleWriter}, which computes them. */
    public static final class Builder {

        private int formatVersion = SUPPORTED_FORMAT_VERSION;
        private String modelVersion;
        private String modelName;
        private String createdAt;
        private List<String> languages = List.of();
        private final Map<String, Integer> vocabularySizes = new TreeMap<>();
        private int topics;
        private int neighbourK;
        private final Map<String, ObjectNode> analyzers = new TreeMap<>();
        private final Map<String, EncoderSpec> encoders = new TreeMap<>();
        private ObjectNode trainingData;
        private ObjectNode metrics;

        private Builder() {
        }

        public Builder formatVersion(int version) {
            this.formatVersion = version;
            return this;
        }

        public Builder modelVersion(String version) {
            this.modelVersion = version;
            return this;
        }

        public Builder modelName(String name) {
            this.modelName = name;
            return this;
        }

        public Builder createdAt(Instant instant) {
            this.createdAt = instant.toString();
            return this;
        }

        /** Languages in layout order. */
        public Builder languages(List<String> codes) {
            this.languages = List.copyOf(codes);
            return this;
        }

        public Builder vocabularySize(String language, int size) {
            vocabularySizes.put(language, size);
            return this;
        }

        public Builder topics(int k) {
            this.topics = k;
            return this;
        }

        public Builder neighbourK(int k) {
            this.neighbourK = k;
            return this;
        }

        public Builder analyzer(String language, ObjectNode settings) {
            analyzers.put(language, settings);
            return this;
        }

        public Builder encoder(String name, EncoderSpec spec) {
            encoders.put(name, spec);
            return this;
        }

        public Builder trainingData(ObjectNode fingerprint) {
            this.trainingData = fingerprint;
            return this;
        }

        public Builder metrics(ObjectNode values) {
            this.metrics = values;
            return this;
        }

        /** The manifest with no files listed yet. */
        public BundleManifest build() {
            return new BundleManifest(formatVersion, modelVersion, modelName, createdAt, languages, vocabularySizes,
                    topics, neighbourK, analyzers, encoders, trainingData, metrics, Map.of());
        }
    }
}
