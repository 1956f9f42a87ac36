package io.glostream.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.bundle.BundleVerificationException;
import io.glostream.core.bundle.BundleWriter;
import io.glostream.core.bundle.NpyFloatMatrix;
import io.glostream.core.bundle.Tampering;
import io.glostream.core.features.Features;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.inference.ReferenceEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicModelTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    private final ServableBundle fixture = new ServableBundle(42);

    @Test
    void loadsTheManifestLanguagesAndTopWordsOfACompleteBundle() throws IOException {
        try (TopicModel model = TopicModel.load(fixture.writeTo(dir.resolve("bundle")))) {
            assertEquals("servable-1", model.version());
            assertEquals(List.of("en", "zh"), model.languages());
            assertEquals(ServableBundle.TOPICS, model.numTopics());
            assertEquals(fixture.topics(), model.topics());
            assertEquals(21, model.featurizer().globalDimension());
        }
    }

    @Test
    void manifestSha256IsTheChecksumOfTheBundlesManifestJson() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        try (TopicModel model = TopicModel.load(bundle)) {
            assertEquals(Tampering.sha256(bundle.resolve("manifest.json")), model.manifestSha256());
        }
    }

    @Test
    void inferRunsTheGlobalEncoderOnTheAugmentedInput() throws IOException {
        try (TopicModel model = TopicModel.load(fixture.writeTo(dir.resolve("bundle")))) {
            List<Features> batch = List.of(model.featurizer().featurize("en", "en3 en5 en3 unknown"),
                    model.featurizer().featurize("zh", "zh1 zh8"));
            EncoderOutput out = model.infer(batch);
            for (int doc = 0; doc < batch.size(); doc++) {
                float[] g = batch.get(doc).global().toDense();
                assertClose(ReferenceEncoder.theta(fixture.weights(BundleManifest.GLOBAL_ENCODER), g), out.theta(doc));
                assertClose(ReferenceEncoder.mean(fixture.weights(BundleManifest.GLOBAL_ENCODER), g), out.mean(doc));
            }
        }
    }

    @Test
    void inferLocalRunsTheLanguagesEncoderOnTheBagOfWords() throws IOException {
        try (TopicModel model = TopicModel.load(fixture.writeTo(dir.resolve("bundle")))) {
            Features doc = model.featurizer().featurize("zh", "zh1 zh8 zh8");
            EncoderOutput out = model.inferLocal("zh", List.of(doc));
            assertClose(ReferenceEncoder.theta(fixture.weights("zh"), doc.bow().counts().toDense()), out.theta(0));
        }
    }

    @Test
    void inferLocalRefusesADocumentOfTheOtherLanguage() throws IOException {
        try (TopicModel model = TopicModel.load(fixture.writeTo(dir.resolve("bundle")))) {
            Features english = model.featurizer().featurize("en", "en1");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.inferLocal("zh", List.of(english)));
            assertEquals("document 0 of the batch is en, the local encoder is zh", e.getMessage());
        }
    }

    @Test
    void loadsAZippedBundle() throws IOException {
        Path zip = dir.resolve("model.zip");
        BundleWriter.zip(fixture.writeTo(dir.resolve("bundle")), zip);
        try (TopicModel model = TopicModel.load(zip)) {
            assertEquals(fixture.topics(), model.topics());
        }
    }

    @Test
    void refusesAFlippedByteInTheTopicWordMatrix() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        Tampering.flipByte(bundle.resolve(BundleLayout.TOPIC_WORD_FILE), 100);
        assertRefused(bundle, BundleLayout.TOPIC_WORD_FILE, "sha256 mismatch");
    }

    @Test
    void refusesAVocabularyWhoseSizeDiffersFromTheManifest() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        Tampering.replaceListedFile(bundle, "vocab-en.txt", "en0\nen1\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(bundle, "vocab-en.txt", "has 2 words, the manifest says 12");
    }

    @Test
    void refusesANeighbourFileThatDoesNotFitTheVocabularies() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        String rows = Files.readString(bundle.resolve("neighbours-zh.tsv")).replaceFirst("^1\t0", "1\t99");
        Tampering.replaceListedFile(bundle, "neighbours-zh.tsv", rows.getBytes(StandardCharsets.UTF_8));
        assertRefused(bundle, "neighbours-zh.tsv", "cross neighbour 99 outside [0, 12)");
    }

    @Test
    void refusesANeighbourFileOfTheFirstLanguageNamingIt() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        String rows = Files.readString(bundle.resolve("neighbours-en.tsv"));
        Tampering.replaceListedFile(bundle, "neighbours-en.tsv", rows.substring(rows.indexOf('\n') + 1)
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(bundle, "neighbours-en.tsv", "file ends after 11 lines, the vocabulary has 12 words");
    }

    @Test
    void refusesATopicWordMatrixOfTheWrongShape() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        new NpyFloatMatrix(ServableBundle.TOPICS, 20, new float[ServableBundle.TOPICS * 20]).writeTo(npy);
        Tampering.replaceListedFile(bundle, BundleLayout.TOPIC_WORD_FILE, npy.toByteArray());
        assertRefused(bundle, BundleLayout.TOPIC_WORD_FILE, "shape (4, 20) differs from [K, V1 + V2] = (4, 21)");
    }

    @Test
    void refusesTopWordsOutsideTheVocabulary() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        String topics = Files.readString(bundle.resolve(BundleLayout.TOPICS_FILE));
        String first = fixture.topics().get(0).words("zh").get(0);
        Tampering.replaceListedFile(bundle, BundleLayout.TOPICS_FILE,
                topics.replaceFirst("\"" + first + "\"", "\"zh99\"").getBytes(StandardCharsets.UTF_8));
        assertRefused(bundle, BundleLayout.TOPICS_FILE, "topic 0 word 'zh99' is not in vocab-zh.txt");
    }

    @Test
    void refusesABundleWithoutTopWords() throws IOException {
        Path bundle = dir.resolve("bundle");
        fixture.writer(BundleLayout.TOPICS_FILE).commit(bundle);
        assertRefused(bundle, BundleLayout.TOPICS_FILE, "required by the bundle layout but not in the manifest");
    }

    @Test
    void refusesInvalidAnalyzerSettings() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        Tampering.editManifest(bundle, m -> ((ObjectNode) m.get("analyzers").get("en")).put("minTokenLength", 0));
        assertRefused(bundle, BundleManifest.MANIFEST_FILE, "analyzer settings of 'en' are invalid");
    }

    @Test
    void refusesANewerFormatVersion() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        Tampering.editManifest(bundle, m -> m.put("formatVersion", BundleManifest.SUPPORTED_FORMAT_VERSION + 1));
        BundleVerificationException e = assertThrows(BundleVerificationException.class, () -> TopicModel.load(bundle));
        assertEquals(BundleManifest.MANIFEST_FILE, e.file());
    }

    private static void assertRefused(Path bundle, String file, String cause) {
        BundleVerificationException e = assertThrows(BundleVerificationException.class, () -> TopicModel.load(bundle));
        assertEquals(file, e.file(), e.getMessage());
        assertTrue(e.getMessage().contains(cause), e.getMessage());
    }

    private static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, "component " + i);
        }
    }
}
