package io.glostream.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.bundle.BundleLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLayoutTest {

    @TempDir
    Path dir;

    @Test
    void neighbourFilesAreTheFilesNeighbourTableSaveWrites() throws IOException {
        new ServableBundle(1).neighbours().save(dir);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(BundleLayout.neighbourFile("en"), BundleLayout.neighbourFile("zh")),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void namesFollowTheConventions() {
        assertEquals("vocab-ja.txt", BundleLayout.vocabularyFile("ja"));
        assertEquals("encoder-global.onnx", BundleLayout.encoderFile("global"));
        assertEquals(List.of("vocab-en.txt", "neighbours-en.tsv", "vocab-zh.txt", "neighbours-zh.tsv",
                "topic-word.npy", "topics.json"), BundleLayout.requiredDataFiles(List.of("en", "zh")));
    }

    @Test
    void topicWordMatrixLoadsInNumPyWhenPythonIsAround() throws IOException, InterruptedException {
        ServableBundle fixture = new ServableBundle(3);
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        Path npy = bundle.resolve(BundleLayout.TOPIC_WORD_FILE);
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c",
                    "import sys, numpy; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, repr(float(a[1, 20])))",
                    npy.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            return;
        }
        String output = new String(python.getInputStream().readAllBytes()).strip();
        if (python.waitFor() != 0 && output.contains("No module named")) {
            return;
        }
        float[] beta = fixture.topicWord();
        assertTrue(output.startsWith("float32 (4, 21) "), output);
        assertEquals(beta[21 + 20], Float.parseFloat(output.substring("float32 (4, 21) ".length())));
    }
}
