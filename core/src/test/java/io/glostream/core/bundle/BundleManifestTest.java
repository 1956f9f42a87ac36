package io.glostream.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.inference.EncoderInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BundleManifestTest {

    private static final String SHA = "ab".repeat(32);

    /** en V=3, zh V=2, K=2: the global encoder reads 5 counts. */
    private static BundleManifest.Builder twoLanguages() {
        return BundleManifest.builder()
                .modelVersion("v7")
                .modelName("news")
                .createdAt(Instant.parse("2024-03-02T10:15:30Z"))
                .languages(List.of("en", "zh"))
                .vocabularySize("en", 3)
                .vocabularySize("zh", 2)
                .topics(2)
                .neighbourK(1)
                .encoder("global", new EncoderSpec("encoder-global.onnx", 5, 2))
                .encoder("en", new EncoderSpec("encoder-en.onnx", 3, 2))
                .encoder("zh", new EncoderSpec("encoder-zh.onnx", 2, 2));
    }

    private static Map<String, String> encoderFiles() {
        Map<String, String> files = new TreeMap<>();
        files.put("encoder-global.onnx", SHA);
        files.put("encoder-en.onnx", SHA);
        files.put("encoder-zh.onnx", SHA);
        return files;
    }

    private static BundleManifest consistent() {
        return twoLanguages().build().withFiles(encoderFiles());
    }

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        ObjectNode analyzer = JsonNodeFactory.instance.objectNode().put("stemmer", "porter").put("minLength", 2);
        BundleManifest manifest = twoLanguages()
                .analyzer("en", analyzer)
                .trainingData(JsonNodeFactory.instance.objectNode().put("sha256", SHA).put("documents", 1200L))
                .metrics(JsonNodeFactory.instance.objectNode().put("cnpmi", 0.0421))
                .build()
                .withFiles(encoderFiles());

        BundleManifest read = BundleManifest.fromJson(manifest.toJson());

        assertEquals(manifest, read);
        assertEquals("porter", read.analyzers().get("en").get("stemmer").asText());
        assertEquals(1200, read.trainingData().get("documents").asInt());
    }

    @Test
    void writesTheSameBytesWhateverOrderFieldsWereSetIn() {
        BundleManifest forwards = twoLanguages().build();
        BundleManifest backwards = BundleManifest.builder()
                .encoder("zh", new EncoderSpec("encoder-zh.onnx", 2, 2))
                .encoder("en", new EncoderSpec("encoder-en.onnx", 3, 2))
                .encoder("global", new EncoderSpec("encoder-global.onnx", 5, 2))
                .neighbourK(1)
                .topics(2)
                .vocabularySize("zh", 2)
                .vocabularySize("en", 3)
                .languages(List.of("en", "zh"))
                .createdAt(Instant.parse("2024-03-02T10:15:30Z"))
                .modelName("news")
                .modelVersion("v7")
                .build();

        assertArrayEquals(forwards.toJson(), backwards.toJson());
    }

    @Test
    void keepsTheLanguageOrderOfTheLayout() throws Exception {
        BundleManifest zhFirst = twoLanguages().languages(List.of("zh", "en")).build();

        assertEquals(List.of("zh", "en"), BundleManifest.fromJson(zhFirst.toJson()).languages());
    }

    @Test
    void writesEachEncodersInputFormInLowerCase() {
        BundleManifest manifest = twoLanguages()
                .encoder("en", new EncoderSpec("encoder-en.onnx", 3, 2, EncoderInput.SPARSE))
                .build().withFiles(encoderFiles());

        String json = new String(manifest.toJson(), StandardCharsets.UTF_8).replaceAll("\\s+", "");

        assertTrue(json.contains("\"en\":{\"file\":\"encoder-en.onnx\",\"inputDim\":3,\"outputDim\":2,"
                + "\"input\":\"sparse\"}"), json);
        assertTrue(json.contains("\"zh\":{\"file\":\"encoder-zh.onnx\",\"inputDim\":2,\"outputDim\":2,"
                + "\"input\":\"dense\"}"), json);
    }

    @Test
    void readsAnEncoderWithoutInputFormAsDenseAsManifestsBeforeTheSparseFormWere() throws Exception {
        BundleManifest manifest = twoLanguages()
                .encoder("en", new EncoderSpec("encoder-en.onnx", 3, 2, EncoderInput.SPARSE))
                .build().withFiles(encoderFiles());
        String json = new String(manifest.toJson(), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"input\"\\s*:\\s*\"\\w+\"", "");

        BundleManifest read = BundleManifest.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertFalse(json.contains("\"input\""), json);
        assertEquals(EncoderInput.DENSE, read.encoders().get("en").input());
        assertEquals(EncoderInput.DENSE, read.encoders().get("global").input());
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() throws Exception {
        String json = new String(consistent().toJson(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"shardLayout\": {\"shards\": 4}, ");

        assertEquals(consistent(), BundleManifest.fromJson(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesNewerFormatBeforeReadingAnythingElse() {
        byte[] json = "{\"formatVersion\": 3, \"topics\": \"many\"}".getBytes(StandardCharsets.UTF_8);

        BundleVerificationException refused =
                assertThrows(BundleVerificationException.class, () -> BundleManifest.fromJson(json));

        assertEquals("manifest.json: bundle format 3 is newer than the supported 1", refused.getMessage());
    }

    @Test
    void refusesManifestWithoutFormatVersion() {
        byte[] json = "{\"topics\": 2}".getBytes(StandardCharsets.UTF_8);

        BundleVerificationException refused =
                assertThrows(BundleVerificationException.class, () -> BundleManifest.fromJson(json));

        assertEquals("manifest.json: formatVersion is missing or not an integer", refused.getMessage());
    }

    @Test
    void jsonObjectsHandedOutAreCopies() {
        BundleManifest manifest = twoLanguages().metrics(JsonNodeFactory.instance.objectNode().put("tu", 0.9)).build();

        manifest.metrics().put("tu", 0.1);

        assertEquals(0.9, manifest.metrics().get("tu").asDouble());
    }

    @Test
    void collectionsHandedOutAreUnmodifiable() {
        BundleManifest manifest = consistent();

        assertThrows(UnsupportedOperationException.class, () -> manifest.languages().add("fr"));
        assertThrows(UnsupportedOperationException.class, () -> manifest.files().clear());
        assertThrows(UnsupportedOperationException.class, () -> manifest.analyzers().clear());
    }

    @Test
    void jointVocabularySizeSumsEveryLanguage() {
        assertEquals(5, consistent().jointVocabularySize());
    }

    @Test
    void consistentManifestPassesTheCheck() throws Exception {
        consistent().checkConsistent();
    }

    @Test
    void refusesGlobalEncoderThatDoesNotReadTheJointVocabulary() {
        BundleManifest manifest = twoLanguages().encoder("global", new EncoderSpec("encoder-global.onnx", 3, 2)).build()
                .withFiles(encoderFiles());

        assertInconsistent("encoder 'global' inputDim 3 differs from the joint vocabulary size 5", manifest);
    }

    @Test
    void refusesLocalEncoderThatDoesNotReadItsLanguagesVocabulary() {
        BundleManifest manifest = twoLanguages().encoder("zh", new EncoderSpec("encoder-zh.onnx", 3, 2)).build()
                .withFiles(encoderFiles());

        assertInconsistent("encoder 'zh' inputDim 3 differs from the vocabulary size 2", manifest);
    }

    @Test
    void refusesEncoderWhoseOutputIsNotTheTopicCount() {
        BundleManifest manifest = twoLanguages().encoder("en", new EncoderSpec("encoder-en.onnx", 3, 7)).build()
                .withFiles(encoderFiles());

        assertInconsistent("encoder 'en' outputDim 7 differs from topics 2", manifest);
    }

    @Test
    void refusesLanguageWithoutItsEncoder() {
        BundleManifest manifest = twoLanguages().languages(List.of("en", "zh", "ja")).vocabularySize("ja", 4)
                .encoder("global", new EncoderSpec("encoder-global.onnx", 9, 2)).build().withFiles(encoderFiles());

        assertInconsistent("encoders missing for [ja]", manifest);
    }

    @Test
    void refusesVocabularySizeForALanguageNotInTheLayout() {
        BundleManifest manifest = twoLanguages().vocabularySize("fr", 4).build().withFiles(encoderFiles());

        assertInconsistent("vocabularySizes covers [en, fr, zh], languages are [en, zh]", manifest);
    }

    @Test
    void refusesCreatedAtThatIsNotAnInstant() {
        BundleManifest built = consistent();
        BundleManifest manifest = new BundleManifest(1, "v7", "news", "yesterday", built.languages(),
                built.vocabularySizes(), 2, 1, null, built.encoders(), null, null, built.files());

        assertInconsistent("createdAt is not an ISO-8601 instant: yesterday", manifest);
    }

    @Test
    void refusesListedChecksumThatIsNotSha256Hex() {
        Map<String, String> files = encoderFiles();
        files.put("encoder-en.onnx", "ABC");

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> twoLanguages().build().withFiles(files).checkConsistent());

        assertEquals("encoder-en.onnx: listed sha256 is not 64 lower-case hex digits: ABC", refused.getMessage());
    }

    private static void assertInconsistent(String cause, BundleManifest manifest) {
        BundleVerificationException refused =
                assertThrows(BundleVerificationException.class, manifest::checkConsistent);
        assertEquals("manifest.json: " + cause, refused.getMessage());
    }
}
