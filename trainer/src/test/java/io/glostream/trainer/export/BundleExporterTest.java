package io.glostream.trainer.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.bundle.BundleVerificationException;
import io.glostream.core.bundle.EncoderSpec;
import io.glostream.core.bundle.NpyFloatMatrix;
import io.glostream.core.bundle.Tampering;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import io.glostream.core.model.TopicModel;
import io.glostream.core.model.TopicWords;
import io.glostream.trainer.model.GloCtmExport;
import io.glostream.trainer.model.TrainedEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleExporterTest {

    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");

    @TempDir
    Path dir;

    private static TrainedBilingualModel trained;

    @BeforeAll
    static void train() {
        trained = TrainedBilingualModel.get();
    }

    private static ModelProvenance provenance() {
        ObjectNode fingerprint = JsonNodeFactory.instance.objectNode().put("sha256", "abc").put("documents", 800);
        ObjectNode metrics = JsonNodeFactory.instance.objectNode().put("topicUniqueness", 0.8);
        return new ModelProvenance("news", "news-7", fingerprint, TrainedBilingualModel.CONFIG, metrics);
    }

    private BundleManifest export(Path target) throws IOException {
        return new BundleExporter(Clock.fixed(NOW, ZoneOffset.UTC)).export(trained.model(), trained.featurizer(),
                trained.neighbours(), provenance(), target, false);
    }

    @Test
    void manifestDescribesTheModelItsFeaturisationAndProvenance() throws IOException {
        BundleManifest manifest = export(dir.resolve("bundle"));

        assertEquals(List.of("en", "zh"), manifest.languages());
        assertEquals(TrainedBilingualModel.V_EN, manifest.vocabularySizes().get("en"));
        assertEquals(TrainedBilingualModel.V_ZH, manifest.vocabularySizes().get("zh"));
        assertEquals(TrainedBilingualModel.TOPICS, manifest.topics());
        assertEquals(2, manifest.neighbourK());
        assertEquals("news-7", manifest.modelVersion());
        assertEquals("news", manifest.modelName());
        assertEquals(NOW.toString(), manifest.createdAt());
        assertEquals(new EncoderSpec("encoder-global.onnx", 108, 4, EncoderInput.SPARSE),
                manifest.encoders().get("global"));
        assertEquals(new EncoderSpec("encoder-en.onnx", 60, 4, EncoderInput.SPARSE), manifest.encoders().get("en"));
        assertEquals(new EncoderSpec("encoder-zh.onnx", 48, 4, EncoderInput.SPARSE), manifest.encoders().get("zh"));
        assertTrue(manifest.analyzers().get("zh").get("pretokenized").asBoolean());
        assertEquals("abc", manifest.trainingData().get("sha256").asText());
        assertEquals(4, manifest.trainingData().at("/config/numTopics").asInt());
        assertEquals(0.8, manifest.metrics().get("topicUniqueness").asDouble());
        assertEquals(List.of("encoder-en.onnx", "encoder-global.onnx", "encoder-zh.onnx", "neighbours-en.tsv",
                "neighbours-zh.tsv", "topic-word.npy", "topics.json", "vocab-en.txt", "vocab-zh.txt"),
                List.copyOf(manifest.files().keySet()));
    }

    @Test
    void topicWordMatrixAndTopWordsComeFromTheModel() throws IOException {
        Path bundle = dir.resolve("bundle");
        export(bundle);
        float[] beta = trained.model().topicWordMatrix();

        NpyFloatMatrix matrix = NpyFloatMatrix.read(bundle.resolve(BundleLayout.TOPIC_WORD_FILE));
        assertEquals(TrainedBilingualModel.TOPICS, matrix.rows());
        assertEquals(108, matrix.columns());
        assertArrayEquals(beta, matrix.values());
        try (TopicModel model = TopicModel.load(bundle)) {
            List<TopicWords> expected = TopicWords.fromTopicWordMatrix(beta, TrainedBilingualModel.TOPICS,
                    List.of("en", "zh"), List.of(trained.featurizer().vocabulary(0), trained.featurizer().vocabulary(1)),
                    BundleLayout.TOP_WORDS);
            assertEquals(expected, model.topics());
            assertEquals(BundleLayout.TOP_WORDS, model.topics().get(0).words("en").size());
            assertEquals(BundleLayout.TOP_WORDS, model.topics().get(0).words("zh").size());
        }
    }

    @Test
    void foldsTheMeanHeadsBatchNormIntoItsLinearLayer() {
        // mean = 3 h + 1; BN: (mean - 0.5) / sqrt(3 + 1) * 2 + 0.25  =  3 h + 0.75
        TrainedEncoder trainedEncoder = new TrainedEncoder(1, 1, 1, new float[] {2}, new float[] {0}, new float[] {1},
                new float[] {0}, new float[] {3}, new float[] {1}, new float[] {0.5f}, new float[] {3}, 1f,
                new float[] {2}, new float[] {0.25f});
        EncoderWeights onnx = BundleExporter.onnxWeights(trainedEncoder);
        assertEquals(2f, onnx.hidden1().weight()[0][0]);
        assertEquals(3f, onnx.mean().weight()[0][0]);
        assertEquals(0.75f, onnx.mean().bias()[0]);
    }

    @Test
    void flattensWeightsRowMajorWithTheInputFirst() {
        // w1 is [2 x 3]: input 1's weights to the three hidden units are 4 5 6
        TrainedEncoder trainedEncoder = new TrainedEncoder(2, 3, 1, new float[] {1, 2, 3, 4, 5, 6}, new float[3],
                new float[9], new float[3], new float[3], new float[1], new float[1], new float[] {1}, 1e-3f,
                new float[] {1}, new float[1]);
        EncoderWeights onnx = BundleExporter.onnxWeights(trainedEncoder);
        assertArrayEquals(new float[] {4, 5, 6}, onnx.hidden1().weight()[1]);
    }

    @Test
    void aFlippedByteInTheTopicWordMatrixIsRefusedNamingTheFile() throws IOException {
        Path bundle = dir.resolve("bundle");
        export(bundle);
        Tampering.flipByte(bundle.resolve(BundleLayout.TOPIC_WORD_FILE), 200);
        BundleVerificationException e = assertThrows(BundleVerificationException.class, () -> TopicModel.load(bundle));
        assertEquals("topic-word.npy: sha256 mismatch (tampered or truncated)", e.getMessage());
    }

    @Test
    void anEditedVocabularyIsRefusedNamingTheFile() throws IOException {
        Path bundle = dir.resolve("bundle");
        export(bundle);
        Path vocabulary = bundle.resolve("vocab-zh.txt");
        Files.writeString(vocabulary, Files.readString(vocabulary).replace("zh7\n", "zh7x\n"));
        BundleVerificationException e = assertThrows(BundleVerificationException.class, () -> TopicModel.load(bundle));
        assertEquals("vocab-zh.txt", e.file());
    }

    @Test
    void refusesToOverwriteAnExistingBundleUnlessAsked() throws IOException {
        Path bundle = dir.resolve("bundle");
        export(bundle);
        assertThrows(FileAlreadyExistsException.class, () -> export(bundle));
        BundleManifest replaced = new BundleExporter().export(trained.model(), trained.featurizer(),
                trained.neighbours(), provenance(), bundle, true);
        assertFalse(replaced.createdAt().equals(NOW.toString()));
    }

    @Test
    void refusesWeightsWhoseVocabularyDiffersFromTheFeaturizer() {
        GloCtmExport weights = trained.model().export();
        GloCtmExport wrong = new GloCtmExport(weights.numTopics(), weights.vocab2(), weights.vocab1(), weights.global(),
                weights.local2(), weights.local1(), weights.topicWord());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BundleExporter().export(
                wrong, trained.featurizer(), trained.neighbours(), provenance(), dir.resolve("b"), false));
        assertEquals("en: the model has 48 words, the vocabulary 60, the neighbour table 60", e.getMessage());
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void provenanceRefusesATrainingDataConfigField() {
        ObjectNode clash = JsonNodeFactory.instance.objectNode().put("config", "mine");
        assertThrows(IllegalArgumentException.class,
                () -> new ModelProvenance("m", "v", clash, TrainedBilingualModel.CONFIG, null));
    }

    @Test
    void vocabularyFilesHoldOneWordPerLine() throws IOException {
        Path bundle = dir.resolve("bundle");
        export(bundle);
        List<String> lines = Files.readAllLines(bundle.resolve("vocab-en.txt"), StandardCharsets.UTF_8);
        assertEquals(trained.featurizer().vocabulary(0).words(), lines);
    }
}
