package io.glostream.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.inference.OnnxEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleZipTest {

    @TempDir
    Path work;

    private Path extractions;

    @BeforeEach
    void makeExtractionParent() throws IOException {
        extractions = Files.createDirectory(work.resolve("extractions"));
    }

    @Test
    void zippedBundleOpensWithTheSameManifestAndFiles() throws IOException {
        Path dir = SmallBundle.create(3).writeTo(work.resolve("bundle"));
        Path zip = work.resolve("bundle.zip");
        BundleWriter.zip(dir, zip);

        try (ModelBundle fromDir = ModelBundle.open(dir); ModelBundle fromZip = ModelBundle.open(zip)) {
            assertEquals(fromDir.manifest(), fromZip.manifest());
            assertEquals(fromDir.manifestSha256(), fromZip.manifestSha256());
            for (String name : fromDir.manifest().files().keySet()) {
                assertArrayEquals(Files.readAllBytes(fromDir.file(name)), Files.readAllBytes(fromZip.file(name)), name);
            }
            try (OnnxEncoder encoder = fromZip.openEncoder("en")) {
                assertEquals(12, encoder.inputDimension());
            }
        }
    }

    @Test
    void zipHoldsTheManifestFirstThenTheListedFilesInPathOrder() throws IOException {
        Path zip = SmallBundle.create(3).writeZip(work, work.resolve("bundle.zip"));

        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertEquals(List.of("manifest.json", "encoder-en.onnx", "encoder-global.onnx", "encoder-zh.onnx",
                    "vocab-en.txt", "vocab-zh.txt"), archive.stream().map(ZipEntry::getName).toList());
        }
    }

    @Test
    void zipRefusesADirectoryThatDoesNotVerify() throws IOException {
        Path dir = SmallBundle.create(3).writeTo(work.resolve("bundle"));
        Tampering.flipByte(dir.resolve("vocab-zh.txt"), 0);
        Path zip = work.resolve("bundle.zip");

        assertThrows(BundleVerificationException.class, () -> BundleWriter.zip(dir, zip));

        assertFalse(Files.exists(zip));
        assertEquals(List.of("bundle"), list(work.resolve(".")).stream()
                .filter(name -> !name.equals("extractions")).toList());
    }

    @Test
    void closingAZippedBundleRemovesItsExtraction() throws IOException {
        Path zip = SmallBundle.create(3).writeZip(work, work.resolve("bundle.zip"));

        ModelBundle bundle = ModelBundle.open(zip, ZipExtractor.DEFAULT, extractions);
        Path root = bundle.root();
        assertEquals(extractions, root.getParent());
        assertTrue(Files.exists(root.resolve("encoder-global.onnx")));

        bundle.close();

        assertFalse(Files.exists(root));
        assertEquals(List.of(), list(extractions));
    }

    @Test
    void refusedZipLeavesNoExtractionBehind() throws IOException {
        Path dir = SmallBundle.create(3).writeTo(work.resolve("bundle"));
        Tampering.flipByte(dir.resolve("vocab-en.txt"), 2);
        Map<String, byte[]> entries = new TreeMap<>();
        for (String name : list(dir)) {
            entries.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        Path zip = zipOf(entries);

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, ZipExtractor.DEFAULT, extractions));

        assertEquals("vocab-en.txt: sha256 mismatch (tampered or truncated)", refused.getMessage());
        assertEquals(List.of(), list(extractions));
    }

    @Test
    void refusesEntryThatClimbsOutOfTheExtraction() throws IOException {
        Path zip = zipOf(Map.of("../escaped.txt", bytes("gotcha")));

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, ZipExtractor.DEFAULT, extractions));

        assertEquals("../escaped.txt: zip entry refused: path escapes the bundle ('..')", refused.getMessage());
        assertFalse(Files.exists(work.resolve("escaped.txt")));
        assertEquals(List.of(), list(extractions));
    }

    @Test
    void refusesEntryClimbingOutFromASubdirectory() throws IOException {
        Path zip = zipOf(Map.of("tables/../../escaped.txt", bytes("gotcha")));

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, ZipExtractor.DEFAULT, extractions));

        assertEquals("tables/../../escaped.txt", refused.file());
        assertFalse(Files.exists(work.resolve("escaped.txt")));
    }

    @Test
    void refusesAbsoluteEntryName() throws IOException {
        String absolute = work.resolve("planted.txt").toString();
        Path zip = zipOf(Map.of(absolute, bytes("gotcha")));

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, ZipExtractor.DEFAULT, extractions));

        assertEquals(absolute + ": zip entry refused: path is absolute; bundle paths are relative",
                refused.getMessage());
        assertFalse(Files.exists(work.resolve("planted.txt")));
    }

    @Test
    void refusesSymbolicLinkEntry() throws IOException {
        Path zip = work.resolve("symlink.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry link = new ZipArchiveEntry("vocab-en.txt");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write(bytes("/etc/passwd"));
            out.closeArchiveEntry();
        }

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, ZipExtractor.DEFAULT, extractions));

        assertEquals("vocab-en.txt: zip entry is a symbolic link", refused.getMessage());
        assertEquals(List.of(), list(extractions));
    }

    @Test
    void refusesEntryLargerThanTheLimit() throws IOException {
        Path zip = zipOf(Map.of("small.txt", new byte[100], "big.bin", new byte[5000]));
        ZipExtractor limited = new ZipExtractor(1000, 1L << 20, 100);

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, limited, extractions));

        assertEquals("big.bin: zip entry larger than 1000 bytes", refused.getMessage());
        assertEquals(List.of(), list(extractions));
    }

    @Test
    void refusesArchiveThatExpandsPastTheTotalLimit() throws IOException {
        Path zip = zipOf(Map.of("a.bin", new byte[600], "b.bin", new byte[600]));
        ZipExtractor limited = new ZipExtractor(1000, 1000, 100);

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, limited, extractions));

        assertTrue(refused.getMessage().endsWith(": zip expands past 1000 bytes"), refused.getMessage());
    }

    @Test
    void refusesDuplicateEntries() throws IOException {
        Path zip = work.resolve("duplicate.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (String content : new String[] {"first", "second"}) {
                out.putArchiveEntry(new ZipArchiveEntry("vocab-en.txt"));
                out.write(bytes(content));
                out.closeArchiveEntry();
            }
        }

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(zip, ZipExtractor.DEFAULT, extractions));

        assertEquals("vocab-en.txt: zip entry appears twice", refused.getMessage());
    }

    @Test
    void refusesFileThatIsNotAZip() throws IOException {
        Path notZip = work.resolve("bundle.zip");
        Files.writeString(notZip, "plain text");

        BundleVerificationException refused = assertThrows(BundleVerificationException.class,
                () -> ModelBundle.open(notZip, ZipExtractor.DEFAULT, extractions));

        assertTrue(refused.getMessage().startsWith("bundle.zip: cannot read zip: "), refused.getMessage());
        assertEquals(List.of(), list(extractions));
    }

    private Path zipOf(Map<String, byte[]> entries) throws IOException {
        Path zip = Files.createTempFile(work, "crafted-", ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
