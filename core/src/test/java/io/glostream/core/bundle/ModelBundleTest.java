package io.glostream.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.features.SparseCounts;
import io.glostream.core.inference.EncoderFixtures;
import io.glostream.core.inference.OnnxEncoder;
import io.glostream.core.inference.ReferenceEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    @TempDir
    Path work;

    private final SmallBundle small = SmallBundle.create(17);
    private Path dir;
    private BundleManifest committed;

    @BeforeEach
    void commitSmallBundle() throws IOException {
        dir = work.resolve("bundle");
        committed = small.writer().commit(dir);
    }

    @Test
    void opensWhatTheWriterCommitted() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(dir)) {
            assertEquals(committed, bundle.manifest());
            assertEquals(Set.of("vocab-en.txt", "vocab-zh.txt", "encoder-global.onnx", "encoder-en.onnx",
                    "encoder-zh.onnx"), bundle.manifest().files().keySet());
            assertEquals(small.vocabulary("zh"),
                    Files.readAllLines(bundle.file("vocab-zh.txt"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void manifestSha256IsTheChecksumOfManifestJson() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(dir)) {
            assertEquals(Tampering.sha256(dir.resolve("manifest.json")), bundle.manifestSha256());
        }
    }

    @Test
    void openedEncoderComputesTheBundlesWeights() throws IOException {
        float[] counts = EncoderFixtures.randomCounts(new Random(3), 21, 0.4);
        try (ModelBundle bundle = ModelBundle.open(dir); OnnxEncoder encoder = bundle.openEncoder("global")) {
            float[] theta = encoder.infer(List.of(SparseCounts.fromDense(counts))).theta(0);

            double[] expected = ReferenceEncoder.theta(small.weights("global"), counts);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], theta[k], 1e-6);
            }
        }
    }

    @Test
    void openedLocalEncoderReadsItsLanguagesVocabulary() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(dir); OnnxEncoder encoder = bundle.openEncoder("zh")) {
            assertEquals(9, encoder.inputDimension());
            assertEquals(4, encoder.topics());
        }
    }

    @Test
    void refusesFlippedByteNamingTheFile() throws IOException {
        Tampering.flipByte(dir.resolve("vocab-en.txt"), 3);

        BundleVerificationException refused = refuseToOpen();

        assertEquals("vocab-en.txt: sha256 mismatch (tampered or truncated)", refused.getMessage());
        assertEquals("vocab-en.txt", refused.file());
    }

    @Test
    void refusesTruncatedFileNamingIt() throws IOException {
        Tampering.truncate(dir.resolve("encoder-zh.onnx"), 10);

        BundleVerificationException refused = refuseToOpen();

        assertEquals("encoder-zh.onnx: sha256 mismatch (tampered or truncated)", refused.getMessage());
    }

    @Test
    void refusesMissingListedFile() throws IOException {
        Files.delete(dir.resolve("vocab-zh.txt"));

        BundleVerificationException refused = refuseToOpen();

        assertEquals("vocab-zh.txt: listed in the manifest but missing", refused.getMessage());
    }

    @Test
    void refusesBundleWithoutManifest() throws IOException {
        Files.delete(dir.resolve("manifest.json"));

        BundleVerificationException refused = refuseToOpen();

        assertEquals("manifest.json: missing", refused.getMessage());
    }

    @Test
    void refusesUnparseableManifest() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\": 1, \"topics\": ");

        BundleVerificationException refused = refuseToOpen();

        assertTrue(refused.getMessage().startsWith("manifest.json: unparseable: "), refused.getMessage());
    }

    @Test
    void refusesNewerFormatVersion() throws IOException {
        Tampering.editManifest(dir, manifest -> manifest.put("formatVersion", 2));

        BundleVerificationException refused = refuseToOpen();

        assertEquals("manifest.json: bundle format 2 is newer than the supported 1", refused.getMessage());
    }

    @Test
    void ignoresUnknownManifestProperties() throws IOException {
        Tampering.editManifest(dir, manifest -> manifest.putObject("addedInALaterRelease").put("x", 1));

        try (ModelBundle bundle = ModelBundle.open(dir)) {
            assertEquals(committed, bundle.manifest());
        }
    }

    @Test
    void refusesEncoderWhoseInputFormDiffersFromTheManifest() throws IOException {
        Tampering.editManifest(dir, manifest ->
                ((ObjectNode) manifest.get("encoders").get("en")).put("input", "dense"));

        BundleVerificationException refused = refuseToOpen();

        assertEquals("encoder-en.onnx: encoder takes sparse input, the manifest says dense", refused.getMessage());
    }

    @Test
    void refusesManifestMissingALanguagesVocabularySize() throws IOException {
        Tampering.editManifest(dir, manifest -> ((ObjectNode) manifest.get("vocabularySizes")).remove("zh"));

        BundleVerificationException refused = refuseToOpen();

        assertEquals("manifest.json: vocabularySizes covers [en], languages are [en, zh]", refused.getMessage());
    }

    @Test
    void refusesEncoderGraphWhoseInputDiffersFromTheManifest() throws IOException {
        byte[] wider = Tampering.onnx(EncoderFixtures.randomWeights(5, 12 + 1, 6, 4));
        Tampering.replaceListedFile(dir, "encoder-en.onnx", wider);

        BundleVerificationException refused = refuseToOpen();

        assertEquals("encoder-en.onnx: encoder input dimension 13 differs from the manifest's 12",
                refused.getMessage());
    }

    @Test
    void refusesEncoderGraphWhoseTopicsDifferFromTheManifest() throws IOException {
        byte[] moreTopics = Tampering.onnx(EncoderFixtures.randomWeights(5, 21, 6, 5));
        Tampering.replaceListedFile(dir, "encoder-global.onnx", moreTopics);

        BundleVerificationException refused = refuseToOpen();

        assertEquals("encoder-global.onnx: encoder output dimension 5 differs from the manifest's 4",
                refused.getMessage());
    }

    @Test
    void refusesEncoderFileThatIsNotOnnx() throws IOException {
        Tampering.replaceListedFile(dir, "encoder-zh.onnx", "not a graph".getBytes(StandardCharsets.UTF_8));

        BundleVerificationException refused = refuseToOpen();

        assertTrue(refused.getMessage().startsWith("encoder-zh.onnx: not a valid encoder: "), refused.getMessage());
    }

    @Test
    void refusesListedPathThatClimbsOutOfTheBundle() throws IOException {
        byte[] outside = "secret".getBytes(StandardCharsets.UTF_8);
        Files.write(work.resolve("outside.txt"), outside);
        Tampering.editManifest(dir, manifest ->
                ((ObjectNode) manifest.get("files")).put("../outside.txt", Tampering.sha256(outside)));

        BundleVerificationException refused = refuseToOpen();

        assertEquals("../outside.txt: path escapes the bundle ('..')", refused.getMessage());
    }

    @Test
    void refusesAbsoluteListedPath() throws IOException {
        Path outside = work.resolve("outside.txt");
        Files.writeString(outside, "secret");
        Tampering.editManifest(dir, manifest ->
                ((ObjectNode) manifest.get("files")).put(outside.toString(), "0".repeat(64)));

        BundleVerificationException refused = refuseToOpen();

        assertEquals(outside + ": path is absolute; bundle paths are relative", refused.getMessage());
    }

    @Test
    void refusesListedFileThatIsASymbolicLinkOutOfTheBundle() throws IOException {
        Path vocab = dir.resolve("vocab-en.txt");
        Path outside = Files.copy(vocab, work.resolve("vocab-elsewhere.txt"));
        Files.delete(vocab);
        Files.createSymbolicLink(vocab, outside);

        BundleVerificationException refused = refuseToOpen();

        assertEquals("vocab-en.txt: not a regular file (a directory or symbolic link)", refused.getMessage());
    }

    @Test
    void refusesFileThatTheManifestDoesNotList() throws IOException {
        Files.writeString(dir.resolve("planted.txt"), "unexpected");

        BundleVerificationException refused = refuseToOpen();

        assertEquals("planted.txt: present in the bundle but not listed in the manifest", refused.getMessage());
    }

    @Test
    void refusesPathThatIsNeitherDirectoryNorZip() {
        Path nowhere = work.resolve("nowhere");

        BundleVerificationException refused =
                assertThrows(BundleVerificationException.class, () -> ModelBundle.open(nowhere));

        assertEquals(nowhere + ": no bundle directory or zip here", refused.getMessage());
    }

    @Test
    void openEncoderRechecksDimensionsOfTheGraphItLoads() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(dir)) {
            Files.write(dir.resolve("encoder-en.onnx"), Tampering.onnx(EncoderFixtures.randomWeights(5, 13, 6, 4)));

            BundleVerificationException refused =
                    assertThrows(BundleVerificationException.class, () -> bundle.openEncoder("en"));

            assertEquals("encoder-en.onnx: encoder input dimension 13 differs from the manifest's 12",
                    refused.getMessage());
        }
    }

    @Test
    void openEncoderRefusesNameTheManifestLacks() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(dir)) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> bundle.openEncoder("fr"));

            assertTrue(refused.getMessage().contains("it has [en, global, zh]"), refused.getMessage());
        }
    }

    @Test
    void fileRefusesNameTheManifestDoesNotList() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(dir)) {
            assertThrows(IllegalArgumentException.class, () -> bundle.file("manifest.json"));
            assertThrows(IllegalArgumentException.class, () -> bundle.file("../vocab-en.txt"));
        }
    }

    @Test
    void closingADirectoryBundleLeavesItsFiles() throws IOException {
        ModelBundle.open(dir).close();

        assertTrue(Files.exists(dir.resolve("manifest.json")));
        assertTrue(Files.exists(dir.resolve("encoder-global.onnx")));
    }

    @Test
    void closedBundleRefusesFileLookups() throws IOException {
        ModelBundle bundle = ModelBundle.open(dir);
        bundle.close();

        assertThrows(IllegalStateException.class, () -> bundle.file("vocab-en.txt"));
    }

    private BundleVerificationException refuseToOpen() {
        return assertThrows(BundleVerificationException.class, () -> ModelBundle.open(dir));
    }
}
