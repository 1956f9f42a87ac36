package io.glostream.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.bundle.BundleWriter;
import io.glostream.core.bundle.EncoderSpec;
import io.glostream.core.bundle.NpyFloatMatrix;
import io.glostream.core.inference.EncoderFixtures;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import io.glostream.core.neighbours.LanguageNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A complete, servable bundle (every file of the {@link BundleLayout}) with random encoders: English words
 * {@code en0..en11}, Chinese words {@code zh0..zh8}, pretokenized analyzers, H=6, K=4, neighbour k=2 where
 * word w's intra neighbour is {@code w+1} and its cross neighbour {@code w mod V_other}.
 */
public final class ServableBundle {

    public static final List<String> LANGUAGES = List.of("en", "zh");
    public static final int TOPICS = 4;
    private static final int HIDDEN = 6;
    private static final int K = 2;

    private final Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
    private final Map<String, EncoderWeights> weights = new LinkedHashMap<>();
    private final float[] topicWord;
    private final NeighbourTable neighbours;

    public ServableBundle(long seed) {
        vocabularies.put("en", words("en", 12));
        vocabularies.put("zh", words("zh", 9));
        int joint = 21;
        weights.put(BundleManifest.GLOBAL_ENCODER, EncoderFixtures.randomWeights(seed, joint, HIDDEN, TOPICS));
        weights.put("en", EncoderFixtures.randomWeights(seed + 1, 12, HIDDEN, TOPICS));
        weights.put("zh", EncoderFixtures.randomWeights(seed + 2, 9, HIDDEN, TOPICS));
        Random random = new Random(seed);
        topicWord = new float[TOPICS * joint];
        for (int i = 0; i < topicWord.length; i++) {
            topicWord[i] = (float) random.nextGaussian();
        }
        neighbours = NeighbourTable.of(K, rows("en", 12, 9), rows("zh", 9, 12));
    }

    public Vocabulary vocabulary(String lang) {
        return vocabularies.get(lang);
    }

    public EncoderWeights weights(String encoder) {
        return weights.get(encoder);
    }

    public float[] topicWord() {
        return topicWord.clone();
    }

    public NeighbourTable neighbours() {
        return neighbours;
    }

    /** The top words topics.json holds. */
    public List<TopicWords> topics() {
        return TopicWords.fromTopicWordMatrix(topicWord, TOPICS, LANGUAGES, new ArrayList<>(vocabularies.values()),
                BundleLayout.TOP_WORDS);
    }

    /** A writer with every layout file, minus those named in {@code omit}. */
    public BundleWriter writer(String... omit) throws IOException {
        BundleManifest.Builder manifest = BundleManifest.builder()
                .modelVersion("servable-1").modelName("servable-test")
                .createdAt(Instant.parse("2024-05-01T12:00:00Z"))
                .languages(LANGUAGES).topics(TOPICS).neighbourK(K)
                .trainingData(JsonNodeFactory.instance.objectNode().put("corpus", "random"))
                .metrics(JsonNodeFactory.instance.objectNode().put("topicUniqueness", 0.75));
        ObjectMapper json = new ObjectMapper();
        for (String lang : LANGUAGES) {
            manifest.vocabularySize(lang, vocabularies.get(lang).size());
            manifest.analyzer(lang, json.valueToTree(AnalyzerSettings.defaultsFor(lang).withPretokenized(true)));
        }
        weights.forEach((name, w) -> manifest.encoder(name,
                new EncoderSpec(BundleLayout.encoderFile(name), w.inputDimension(), TOPICS, EncoderInput.SPARSE)));
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path scratch = Files.createTempDirectory("servable-bundle-");
        try {
            for (String lang : LANGUAGES) {
                vocabularies.get(lang).save(scratch.resolve(BundleLayout.vocabularyFile(lang)));
                files.put(BundleLayout.vocabularyFile(lang),
                        Files.readAllBytes(scratch.resolve(BundleLayout.vocabularyFile(lang))));
            }
            neighbours.save(scratch);
            for (String lang : LANGUAGES) {
                files.put(BundleLayout.neighbourFile(lang), Files.readAllBytes(scratch.resolve(BundleLayout.neighbourFile(lang))));
            }
        } finally {
            try (var paths = Files.list(scratch)) {
                for (Path p : paths.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(scratch);
        }
        files.put(BundleLayout.TOPICS_FILE, TopicsJson.write(topics()));
        BundleWriter writer = new BundleWriter(manifest.build());
        List<String> omitted = List.of(omit);
        files.forEach((name, bytes) -> {
            if (!omitted.contains(name)) {
                writer.addFile(name, bytes);
            }
        });
        if (!omitted.contains(BundleLayout.TOPIC_WORD_FILE)) {
            writer.addFile(BundleLayout.TOPIC_WORD_FILE,
                    out -> new NpyFloatMatrix(TOPICS, 21, topicWord).writeTo(out));
        }
        weights.forEach((name, w) -> writer.addFile(BundleLayout.encoderFile(name),
                out -> EncoderGraphWriter.write(w, EncoderInput.SPARSE, out)));
        return writer;
    }

    /** Commits the complete bundle at {@code target}. */
    public Path writeTo(Path target) throws IOException {
        writer().commit(target);
        return target;
    }

    private static Vocabulary words(String lang, int size) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            words.add(lang + i);
        }
        return Vocabulary.of(words);
    }

    private static LanguageNeighbours rows(String lang, int size, int otherSize) {
        int[][] intra = new int[size][];
        int[][] cross = new int[size][];
        for (int w = 0; w < size; w++) {
            intra[w] = new int[] {(w + 1) % size};
            cross[w] = new int[] {w % otherSize};
        }
        return new LanguageNeighbours(lang, intra, cross);
    }
}
