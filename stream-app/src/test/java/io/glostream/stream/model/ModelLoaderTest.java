package io.glostream.stream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.model.TopicModel;
import io.glostream.schemas.ModelRef;
import io.glostream.stream.testing.SampleBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    @TempDir
    Path dir;

    private final ModelLoader loader = new ModelLoader(1);

    @Test
    void loadsTheAnnouncedBundle() throws Exception {
        Path v2 = SampleBundles.copyWithVersion(dir.resolve("v2"), "sample-2");
        ModelRef ref;
        try (TopicModel model = TopicModel.load(v2)) {
            ref = ModelRefs.of(model, v2);
        }
        assertEquals(v2.toUri().toString(), ref.getUri());
        try (TopicModel loaded = loader.load(SampleBundles.SAMPLE_NAME, ref)) {
            assertEquals("sample-2", loaded.version());
        }
    }

    @Test
    void aPlainPathIsAUriToo() throws Exception {
        try (TopicModel loaded = loader.load(SampleBundles.SAMPLE_NAME, ref(SampleBundles.SAMPLE.toString(), "sample-1",
                sha(SampleBundles.SAMPLE)))) {
            assertEquals("sample-1", loaded.version());
        }
    }

    @Test
    void aBundleWhoseManifestIsNotTheAnnouncedOneIsRefused() throws Exception {
        ModelRefusedException e = assertThrows(ModelRefusedException.class, () -> loader.load(SampleBundles.SAMPLE_NAME,
                ref(SampleBundles.SAMPLE.toString(), "sample-1", "00".repeat(32))));
        assertTrue(e.getMessage().contains("its manifest's sha256 is " + sha(SampleBundles.SAMPLE)), e.getMessage());
    }

    @Test
    void aBundleOfAnotherVersionOrNameIsRefused() throws Exception {
        String sha = sha(SampleBundles.SAMPLE);
        assertTrue(assertThrows(ModelRefusedException.class, () -> loader.load(SampleBundles.SAMPLE_NAME,
                ref(SampleBundles.SAMPLE.toString(), "sample-9", sha))).getMessage()
                .endsWith("refused: it is version sample-1, the announcement says sample-9"));
        assertTrue(assertThrows(ModelRefusedException.class, () -> loader.load("other-model",
                ref(SampleBundles.SAMPLE.toString(), "sample-1", sha))).getMessage()
                .endsWith("refused: it is model " + SampleBundles.SAMPLE_NAME + ", announced under other-model"));
    }

    @Test
    void aBundleThatDropsALanguageOfTheServingModelIsRefusedAndOneThatKeepsThemIsAccepted() throws Exception {
        Path enJa = SampleBundles.copyWithLanguage(dir.resolve("en-ja"), "sample-ja", "ja");
        ModelRef ref;
        try (TopicModel model = TopicModel.load(enJa)) {
            assertEquals(List.of("en", "ja"), model.languages());
            ref = ModelRefs.of(model, enJa);
        }
        ModelRefusedException e = assertThrows(ModelRefusedException.class,
                () -> loader.load(SampleBundles.SAMPLE_NAME, ref, List.of("en", "zh")));
        assertEquals("bundle " + enJa + " refused: it serves [en, ja] but not [zh], which the serving model tags; "
                + "restart with model.path to drop a language", e.getMessage());
        try (TopicModel accepted = loader.load(SampleBundles.SAMPLE_NAME, ref, List.of("en"))) {
            assertEquals("sample-ja", accepted.version());
        }
    }

    @Test
    void aTamperedBundleFailsVerification() throws Exception {
        Path copy = SampleBundles.copyWithVersion(dir.resolve("bad"), "sample-bad");
        byte[] vocab = Files.readAllBytes(copy.resolve("vocab-en.txt"));
        vocab[0] ^= 1;
        Files.write(copy.resolve("vocab-en.txt"), vocab);
        ModelRefusedException e = assertThrows(ModelRefusedException.class,
                () -> loader.load(SampleBundles.SAMPLE_NAME, ref(copy.toString(), "sample-bad", sha(copy))));
        assertTrue(e.getMessage().startsWith("bundle " + copy + " failed verification: "), e.getMessage());
        assertTrue(e.getMessage().contains("vocab-en.txt"), e.getMessage());
    }

    @Test
    void aMissingBundleOrForeignSchemeIsRefused() {
        assertThrows(ModelRefusedException.class, () -> loader.load(SampleBundles.SAMPLE_NAME,
                ref(dir.resolve("nothing").toString(), "x", "00")));
        ModelRefusedException e = assertThrows(ModelRefusedException.class, () -> loader.load(SampleBundles.SAMPLE_NAME,
                ref("s3://bucket/bundle.zip", "x", "00")));
        assertTrue(e.getMessage().startsWith("'s3://bucket/bundle.zip': only file: URIs and local paths"), e.getMessage());
    }

    private static ModelRef ref(String uri, String version, String sha) {
        return ModelRef.newBuilder().setUri(uri).setVersion(version).setSha256(sha).setCreatedAt(Instant.EPOCH).build();
    }

    private static String sha(Path bundle) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(bundle.resolve("manifest.json"))));
    }
}
