package io.glostream.core.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.inference.EncoderFixtures;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, valid model bundle with random encoders and tiny made-up vocabularies, for tests here and
 * in trainer/bench (via core's test-jar). Everything is derived from the seed, so tests can recompute
 * what the encoders should output from {@link #weights(String)}.
 */
public final class SmallBundle {

    public static final Instant CREATED_AT = Instant.parse("2024-05-01T12:00:00Z");

    private final long seed;
    private final Map<String, Integer> vocabularySizes;
    private final int hidden;
    private final int topics;
    private final Map<String, EncoderWeights> weights = new LinkedHashMap<>();
    private final Map<String, List<String>> vocabularies = new LinkedHashMap<>();

    private SmallBundle(long seed, Map<String, Integer> vocabularySizes, int hidden, int topics) {
        this.seed = seed;
        this.vocabularySizes = new LinkedHashMap<>(vocabularySizes);
        this.hidden = hidden;
        this.topics = topics;
        int joint = vocabularySizes.values().stream().mapToInt(Integer::intValue).sum();
        weights.put(BundleManifest.GLOBAL_ENCODER, EncoderFixtures.randomWeights(seed, joint, hidden, topics));
        int offset = 1;
        for (Map.Entry<String, Integer> language : vocabularySizes.entrySet()) {
            String lang = language.getKey();
            weights.put(lang, EncoderFixtures.randomWeights(seed + offset++, language.getValue(), hidden, topics));
            List<String> words = new ArrayList<>();
            for (int i = 0; i < language.getValue(); i++) {
                words.add(lang + "word" + i);
            }
            vocabularies.put(lang, List.copyOf(words));
        }
    }

    /** English (V=12) and Chinese (V=9), H=6, K=4. */
    public static SmallBundle create(long seed) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("en", 12);
        sizes.put("zh", 9);
        return create(seed, sizes, 6, 4);
    }

    /** @param vocabularySizes languages in layout order (use an ordered map) with their V */
    public static SmallBundle create(long seed, Map<String, Integer> vocabularySizes, int hidden, int topics) {
        return new SmallBundle(seed, vocabularySizes, hidden, topics);
    }

    public static String vocabularyFile(String language) {
        return "vocab-" + language + ".txt";
    }

    public List<String> languages() {
        return List.copyOf(vocabularySizes.keySet());
    }

    public int topics() {
        return topics;
    }

    /** Encoder weights by encoder name ({@code global} or a language). */
    public EncoderWeights weights(String encoder) {
        return weights.get(encoder);
    }

    /** The vocabulary of a language, one word per line in its file. */
    public List<String> vocabulary(String language) {
        return vocabularies.get(language);
    }

    /** A manifest with every field set and no files listed. */
    public BundleManifest.Builder manifest() {
        BundleManifest.Builder builder = BundleManifest.builder()
                .modelVersion("test-" + seed)
                .modelName("small-test-model")
                .createdAt(CREATED_AT)
                .languages(languages())
                .topics(topics)
                .neighbourK(2);
        ObjectNode fingerprint = JsonNodeFactory.instance.objectNode().put("corpus", "synthetic").put("seed", seed);
        builder.trainingData(fingerprint);
        builder.metrics(JsonNodeFactory.instance.objectNode().put("topicUniqueness", 0.5));
        weights.forEach((name, encoder) -> builder.encoder(name,
                new EncoderSpec(EncoderSpec.conventionalFile(name), encoder.inputDimension(), topics,
                        EncoderInput.SPARSE)));
        vocabularySizes.forEach((lang, size) -> {
            builder.vocabularySize(lang, size);
            builder.analyzer(lang, JsonNodeFactory.instance.objectNode().put("analyzer", "standard-" + lang));
        });
        return builder;
    }

    /** A writer holding the manifest, every vocabulary file and every encoder graph, ready to commit. */
    public BundleWriter writer() {
        BundleWriter writer = new BundleWriter(manifest().build());
        vocabularies.forEach((lang, words) -> writer.addFile(vocabularyFile(lang),
                (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8)));
        weights.forEach((name, encoder) ->
                writer.addFile(EncoderSpec.conventionalFile(name),
                        out -> EncoderGraphWriter.write(encoder, EncoderInput.SPARSE, out)));
        return writer;
    }

    /** Commits the bundle as a directory at {@code target}. */
    public Path writeTo(Path target) throws IOException {
        writer().commit(target);
        return target;
    }

    /** Commits the bundle under {@code workDir} and zips it to {@code zipFile}. */
    public Path writeZip(Path workDir, Path zipFile) throws IOException {
        BundleWriter.zip(writeTo(workDir.resolve("bundle-" + seed + "-for-zip")), zipFile);
        return zipFile;
    }
}
