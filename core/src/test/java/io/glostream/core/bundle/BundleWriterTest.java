package io.glostream.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.inference.EncoderFixtures;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleWriterTest {

    @TempDir
    Path work;

    private final SmallBundle small = SmallBundle.create(23);

    @Test
    void commitListsTheSha256OfEveryFileItWrote() throws IOException {
        Path target = work.resolve("bundle");

        BundleManifest manifest = small.writer().commit(target);

        assertEquals(5, manifest.files().size());
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            assertEquals(Tampering.sha256(target.resolve(file.getKey())), file.getValue(), file.getKey());
        }
    }

    @Test
    void commitWritesTheReturnedManifestAsManifestJson() throws IOException {
        Path target = work.resolve("bundle");

        BundleManifest manifest = small.writer().commit(target);

        assertArrayEquals(manifest.toJson(), Files.readAllBytes(target.resolve("manifest.json")));
    }

    @Test
    void commitCreatesMissingParentDirectories() throws IOException {
        Path target = work.resolve("models/small/v1");

        small.writer().commit(target);

        ModelBundle.open(target).close();
    }

    @Test
    void commitWritesFilesInSubdirectories() throws IOException {
        Path target = work.resolve("bundle");

        small.writer().addFile("tables/neighbours-en.bin", new byte[] {1, 2, 3}).commit(target);

        try (ModelBundle bundle = ModelBundle.open(target)) {
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(bundle.file("tables/neighbours-en.bin")));
        }
    }

    @Test
    void commitFillsAnExistingEmptyDirectory() throws IOException {
        Path target = Files.createDirectory(work.resolve("bundle"));

        small.writer().commit(target);

        ModelBundle.open(target).close();
    }

    @Test
    void commitRefusesNonEmptyTargetUnlessAskedToReplaceIt() throws IOException {
        Path target = Files.createDirectory(work.resolve("bundle"));
        Files.writeString(target.resolve("old.txt"), "keep me");

        assertThrows(FileAlreadyExistsException.class, () -> small.writer().commit(target));

        assertEquals("keep me", Files.readString(target.resolve("old.txt")));
        assertEquals(List.of("bundle"), list(work));
    }

    @Test
    void commitReplacesNonEmptyTargetWhenAsked() throws IOException {
        Path target = work.resolve("bundle");
        SmallBundle.create(1).writeTo(target);

        BundleManifest replaced = small.writer().commit(target, true);

        try (ModelBundle bundle = ModelBundle.open(target)) {
            assertEquals(replaced, bundle.manifest());
            assertEquals("test-23", bundle.manifest().modelVersion());
        }
        assertEquals(List.of("bundle"), list(work));
    }

    @Test
    void commitRefusesTargetThatIsAFile() throws IOException {
        Path target = Files.writeString(work.resolve("bundle"), "a file");

        assertThrows(FileAlreadyExistsException.class, () -> small.writer().commit(target, true));

        assertEquals("a file", Files.readString(target));
    }

    @Test
    void failingFileCallbackLeavesNoPartialBundle() {
        Path target = work.resolve("bundle");
        BundleWriter writer = small.writer().addFile("broken.bin", out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        });

        IOException failure = assertThrows(IOException.class, () -> writer.commit(target));

        assertEquals("disk full", failure.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), list(work));
    }

    @Test
    void failingCommitKeepsTheBundleItWouldHaveReplaced() throws IOException {
        Path target = work.resolve("bundle");
        BundleManifest original = SmallBundle.create(1).writer().commit(target);
        BundleWriter writer = small.writer().addFile("broken.bin", out -> {
            throw new IOException("disk full");
        });

        assertThrows(IOException.class, () -> writer.commit(target, true));

        try (ModelBundle bundle = ModelBundle.open(target)) {
            assertEquals(original, bundle.manifest());
        }
        assertEquals(List.of("bundle"), list(work));
    }

    @Test
    void commitRefusesEncoderGraphOfTheWrongShapeAndWritesNothing() {
        Path target = work.resolve("bundle");
        BundleWriter writer = new BundleWriter(small.manifest().build());
        for (String lang : small.languages()) {
            writer.addFile(SmallBundle.vocabularyFile(lang), new byte[] {'x'});
        }
        writer.addFile("encoder-global.onnx",
                out -> EncoderGraphWriter.write(small.weights("global"), EncoderInput.SPARSE, out));
        EncoderWeights wider = EncoderFixtures.randomWeights(1, 13, 6, 4);
        writer.addFile("encoder-en.onnx", out -> EncoderGraphWriter.write(wider, EncoderInput.SPARSE, out));
        writer.addFile("encoder-zh.onnx",
                out -> EncoderGraphWriter.write(small.weights("zh"), EncoderInput.SPARSE, out));

        BundleVerificationException refused =
                assertThrows(BundleVerificationException.class, () -> writer.commit(target));

        assertEquals("encoder-en.onnx: encoder input dimension 13 differs from the manifest's 12",
                refused.getMessage());
        assertEquals(List.of(), list(work));
    }

    @Test
    void commitRefusesManifestNamingAnEncoderFileThatWasNotAdded() {
        BundleWriter writer = new BundleWriter(small.manifest().build())
                .addFile("encoder-global.onnx",
                        out -> EncoderGraphWriter.write(small.weights("global"), EncoderInput.SPARSE, out));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> writer.commit(work.resolve("bundle")));

        assertEquals("cannot commit: manifest.json: encoder 'en' file encoder-en.onnx is not listed in files",
                refused.getMessage());
        assertEquals(List.of(), list(work));
    }

    @Test
    void fileCallbackMayCloseTheStreamItIsGiven() throws IOException {
        Path target = work.resolve("bundle");

        small.writer().addFile("notes.txt", out -> {
            out.write("closed early".getBytes(StandardCharsets.UTF_8));
            out.close();
        }).commit(target);

        try (ModelBundle bundle = ModelBundle.open(target)) {
            assertEquals("closed early", Files.readString(bundle.file("notes.txt")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "../escape.txt", "/etc/passwd", "a/../../b", "a//b", "./a", "a\\b", "C:/x", "a:b", "", "manifest.json"})
    void addFileRefusesPathsThatAreUnsafeOrReserved(String path) {
        BundleWriter writer = small.writer();

        assertThrows(IllegalArgumentException.class, () -> writer.addFile(path, new byte[0]));
    }

    @Test
    void addFileRefusesTheSamePathTwice() {
        BundleWriter writer = small.writer();

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> writer.addFile("vocab-en.txt", new byte[0]));

        assertEquals("vocab-en.txt: added twice", refused.getMessage());
    }

    @Test
    void addFileRefusesAPathThatWouldHaveToBeBothFileAndDirectory() {
        BundleWriter writer = small.writer().addFile("tables", new byte[0]);

        assertThrows(IllegalArgumentException.class, () -> writer.addFile("tables/en.bin", new byte[0]));
    }

    @Test
    void writerRefusesManifestThatAlreadyListsFiles() {
        BundleManifest listed = small.manifest().build().withFiles(Map.of("x.txt", "0".repeat(64)));

        assertThrows(IllegalArgumentException.class, () -> new BundleWriter(listed));
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
