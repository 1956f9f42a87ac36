package io.glostream.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.glostream.core.features.SparseCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sparse graph computes what the dense graph of the same weights computes, on inputs shaped like the
 * global encoder's: a few dozen to a hundred non-zeros out of thousands, counts mostly 1 or 2, some
 * documents empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparseDenseParityTest {

    private static final int V = 3000;
    private static final int H = 64;
    private static final int K = 20;
    private static final double THETA_TOLERANCE = 1e-6;
    private static final double MEAN_TOLERANCE = 1e-5;

    /** Shared by the class's tests; injected into the {@code @BeforeAll} method, where fields are not yet. */
    Path dir;

    private OnnxEncoder dense;
    private OnnxEncoder sparse;

    @BeforeAll
    void openBothForms(@TempDir Path classDir) throws IOException {
        dir = classDir;
        Random random = new Random(2026);
        EncoderWeights weights = new EncoderWeights(scaledLayer(random, V, H), scaledLayer(random, H, H),
                scaledLayer(random, H, K));
        dense = OnnxEncoder.open(write(EncoderGraphWriter.build(weights, EncoderInput.DENSE), "dense.onnx"));
        sparse = OnnxEncoder.open(write(EncoderGraphWriter.build(weights, EncoderInput.SPARSE), "sparse.onnx"));
    }

    @AfterAll
    void close() {
        dense.close();
        sparse.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void sparseMatchesDenseOnRandomDocumentsWithSomeEmpty(int batchSize) {
        Random random = new Random(batchSize);
        List<SparseCounts> batch = new ArrayList<>();
        for (int doc = 0; doc < batchSize; doc++) {
            batch.add(doc % 5 == 3 ? SparseCounts.empty(V) : augmentedDocument(random));
        }

        assertParity(batch);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void sparseMatchesDenseOnABatchOfOnlyEmptyDocuments(int batchSize) {
        List<SparseCounts> batch = new ArrayList<>();
        for (int doc = 0; doc < batchSize; doc++) {
            batch.add(SparseCounts.empty(V));
        }

        assertParity(batch);
    }

    @Test
    void sparseMatchesDenseWhenEveryWordIsActive() {
        float[] everyWord = new float[V];
        for (int i = 0; i < V; i++) {
            everyWord[i] = 1 + i % 3;
        }

        assertParity(List.of(SparseCounts.empty(V), SparseCounts.fromDense(everyWord), SparseCounts.empty(V)));
    }

    @Test
    void emptyDocumentsLastInTheBatchStillGetTheirRows() {
        Random random = new Random(9);
        List<SparseCounts> batch = List.of(augmentedDocument(random), SparseCounts.empty(V), SparseCounts.empty(V));

        EncoderOutput output = sparse.infer(batch);

        assertEquals(3, output.size());
        assertParity(batch);
    }

    private void assertParity(List<SparseCounts> batch) {
        EncoderOutput expected = dense.infer(batch);
        EncoderOutput actual = sparse.infer(batch);
        assertEquals(expected.size(), actual.size());
        double thetaDiff = 0;
        double meanDiff = 0;
        for (int doc = 0; doc < batch.size(); doc++) {
            thetaDiff = Math.max(thetaDiff, maxAbsDiff(expected.theta(doc), actual.theta(doc)));
            meanDiff = Math.max(meanDiff, maxAbsDiff(expected.mean(doc), actual.mean(doc)));
        }
        assertEquals(0, thetaDiff, THETA_TOLERANCE, "max |theta dense - theta sparse|");
        assertEquals(0, meanDiff, MEAN_TOLERANCE, "max |mean dense - mean sparse|");
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int k = 0; k < a.length; k++) {
            max = Math.max(max, Math.abs(a[k] - b[k]));
        }
        return max;
    }

    /**
     * About 12 tokens, each active with 3 neighbours in either language block, as polyglot augmentation
     * makes them: 14 to 110 distinct words, shared neighbours counted more than once.
     */
    private static SparseCounts augmentedDocument(Random random) {
        int tokens = 2 + random.nextInt(20);
        int[] occurrences = new int[tokens * 7];
        int length = 0;
        for (int t = 0; t < tokens; t++) {
            int word = random.nextInt(V);
            occurrences[length++] = word;
            for (int n = 0; n < 6; n++) {
                occurrences[length++] = random.nextInt(8) == 0 ? word : random.nextInt(V);
            }
        }
        return SparseCounts.countOccurrences(V, occurrences, length);
    }

    /** Uniform in {@code ±1/sqrt(fan-in)}, PyTorch's default, so activations stay in a trained model's range. */
    private static LinearLayer scaledLayer(Random random, int inputs, int outputs) {
        float scale = (float) (1 / Math.sqrt(inputs));
        float[][] weight = new float[inputs][outputs];
        for (float[] row : weight) {
            for (int j = 0; j < outputs; j++) {
                row[j] = scale * (2 * random.nextFloat() - 1);
            }
        }
        float[] bias = new float[outputs];
        for (int j = 0; j < outputs; j++) {
            bias[j] = scale * (2 * random.nextFloat() - 1);
        }
        return new LinearLayer(weight, bias);
    }

    private Path write(ModelProto model, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }
}
