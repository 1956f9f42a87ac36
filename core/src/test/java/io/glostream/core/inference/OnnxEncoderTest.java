package io.glostream.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.glostream.core.features.SparseCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every encoder graph has, whatever its {@link EncoderInput} form: each form runs all of it
 * (see {@link DenseOnnxEncoderTest} and {@link SparseOnnxEncoderTest}), against a plain Java forward pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnnxEncoderTest {

    static final int V = 50;
    static final int H = 8;
    static final int K = 5;
    private static final double TOLERANCE = 1e-6;

    /** Shared by the class's tests; injected into the {@code @BeforeAll} method, where fields are not yet. */
    Path dir;

    private final EncoderInput form;
    EncoderWeights weights;
    private Path modelFile;
    private OnnxEncoder encoder;

    OnnxEncoderTest(EncoderInput form) {
        this.form = form;
    }

    @BeforeAll
    void writeAndOpenEncoder(@TempDir Path classDir) throws IOException {
        dir = classDir;
        weights = EncoderFixtures.randomWeights(42, V, H, K);
        modelFile = writeModel(EncoderGraphWriter.build(weights, form), "encoder.onnx");
        encoder = OnnxEncoder.open(modelFile);
    }

    @AfterAll
    void closeEncoder() {
        encoder.close();
    }

    @Test
    void reportsInputFormInputDimensionAndTopicsOfTheGraph() {
        assertEquals(form, encoder.inputForm());
        assertEquals(V, encoder.inputDimension());
        assertEquals(K, encoder.topics());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64})
    void thetaAndMeanMatchPlainJavaForwardPass(int batchSize) {
        List<float[]> dense = randomDocuments(new Random(batchSize), batchSize, 0.2);

        EncoderOutput output = encoder.infer(sparse(dense));

        assertEquals(batchSize, output.size());
        for (int doc = 0; doc < batchSize; doc++) {
            assertClose(ReferenceEncoder.mean(weights, dense.get(doc)), output.mean(doc), "mean of document " + doc);
            assertClose(ReferenceEncoder.theta(weights, dense.get(doc)), output.theta(doc), "theta of document " + doc);
        }
    }

    @Test
    void rowsAreTheDocumentsThetaAndMeanInBatchOrder() {
        EncoderOutput output = encoder.infer(sparse(randomDocuments(new Random(11), 5, 0.2)));

        float[][] theta = output.thetaRows();
        float[][] mean = output.meanRows();
        assertEquals(5, theta.length);
        assertEquals(5, mean.length);
        for (int doc = 0; doc < 5; doc++) {
            assertArrayEquals(output.theta(doc), theta[doc]);
            assertArrayEquals(output.mean(doc), mean[doc]);
        }
    }

    @Test
    void thetaRowsSumToOne() {
        float[][] theta = encoder.theta(sparse(randomDocuments(new Random(7), 16, 0.3)));

        for (float[] row : theta) {
            double sum = 0;
            for (float p : row) {
                assertTrue(p > 0f && p < 1f, "proportion " + p);
                sum += p;
            }
            assertEquals(1.0, sum, TOLERANCE);
        }
    }

    @Test
    void emptySingleCellAndFullyDenseDocumentsMatchForwardPass() {
        float[] empty = new float[V];
        float[] singleCell = new float[V];
        singleCell[V - 1] = 3f;
        float[] fullyDense = new float[V];
        for (int i = 0; i < V; i++) {
            fullyDense[i] = 1 + i % 4;
        }
        List<float[]> dense = List.of(empty, singleCell, fullyDense);

        EncoderOutput output = encoder.infer(sparse(dense));

        for (int doc = 0; doc < dense.size(); doc++) {
            assertClose(ReferenceEncoder.theta(weights, dense.get(doc)), output.theta(doc), "document " + doc);
        }
    }

    @Test
    void batchOfOnlyEmptyDocumentsMatchesForwardPass() {
        List<float[]> dense = List.of(new float[V], new float[V], new float[V]);

        EncoderOutput output = encoder.infer(sparse(dense));

        assertEquals(3, output.size());
        for (int doc = 0; doc < dense.size(); doc++) {
            assertClose(ReferenceEncoder.mean(weights, dense.get(doc)), output.mean(doc), "mean of document " + doc);
            assertClose(ReferenceEncoder.theta(weights, dense.get(doc)), output.theta(doc), "document " + doc);
        }
    }

    @Test
    void countedOccurrencesAndTheirDenseFormGiveIdenticalOutput() {
        int[] tokens = {4, 9, 4, 49, 0, 4};
        float[] dense = new float[V];
        for (int token : tokens) {
            dense[token]++;
        }

        float[] fromTokens = encoder.infer(List.of(SparseCounts.countOccurrences(V, tokens, tokens.length))).theta(0);
        float[] fromDense = encoder.infer(List.of(SparseCounts.fromDense(dense))).theta(0);

        assertArrayEquals(fromDense, fromTokens);
    }

    @Test
    void aBatchLeavesNothingBehindForTheNextOne() {
        // input buffers are reused per thread: counts of a large dense batch must not leak into a later,
        // smaller batch of sparse or empty documents
        Random random = new Random(3);
        encoder.infer(sparse(randomDocuments(random, 64, 1.0)));
        List<float[]> later = List.of(new float[V], EncoderFixtures.randomCounts(random, V, 0.1), new float[V]);
        EncoderOutput output = encoder.infer(sparse(later));
        for (int doc = 0; doc < later.size(); doc++) {
            assertClose(ReferenceEncoder.theta(weights, later.get(doc)), output.theta(doc), "document " + doc);
        }
    }

    @Test
    void emptyBatchGivesEmptyOutputWithTheEncodersTopicCount() {
        EncoderOutput output = encoder.infer(List.of());

        assertEquals(0, output.size());
        assertEquals(K, output.topics());
        assertEquals(0, encoder.theta(List.of()).length);
    }

    @Test
    void refusesVectorOfWrongDimensionNamingTheDocument() {
        List<SparseCounts> batch = List.of(SparseCounts.empty(V), SparseCounts.empty(V + 1));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> encoder.infer(batch));

        assertEquals("document 1 has dimension 51, encoder encoder.onnx expects 50", refused.getMessage());
    }

    @Test
    void sharedEncoderGivesIdenticalResultsFromSeveralThreads() throws Exception {
        List<SparseCounts> batch = sparse(randomDocuments(new Random(11), 32, 0.25));
        float[][] expected = encoder.theta(batch);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> results = new ArrayList<>();
            for (int call = 0; call < 40; call++) {
                results.add(pool.submit(() -> encoder.theta(batch)));
            }
            for (Future<float[][]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void severalIntraOpThreadsComputeTheSameTopics() {
        List<float[]> dense = randomDocuments(new Random(5), 8, 0.2);
        try (OnnxEncoder parallel = OnnxEncoder.open(modelFile, 2)) {
            EncoderOutput output = parallel.infer(sparse(dense));
            for (int doc = 0; doc < dense.size(); doc++) {
                assertClose(ReferenceEncoder.theta(weights, dense.get(doc)), output.theta(doc), "document " + doc);
            }
        }
    }

    @Test
    void refusesZeroIntraOpThreads() {
        assertThrows(IllegalArgumentException.class, () -> OnnxEncoder.open(modelFile, 0));
    }

    @Test
    void refusesGraphWithoutMeanOutput() throws IOException {
        ModelProto full = EncoderGraphWriter.build(weights, form);
        ModelProto thetaOnly = full.toBuilder().setGraph(full.getGraph().toBuilder().removeOutput(1)).build();
        Path file = writeModel(thetaOnly, "theta-only.onnx");

        InferenceException refused = assertThrows(InferenceException.class, () -> OnnxEncoder.open(file));

        assertTrue(refused.getMessage().startsWith(file + ": graph outputs are [theta]"), refused.getMessage());
    }

    @Test
    void refusesFileThatIsNotAnOnnxModelNamingIt() throws IOException {
        Path file = dir.resolve("garbage.onnx");
        Files.write(file, new byte[] {1, 2, 3, 4, 5});

        InferenceException refused = assertThrows(InferenceException.class, () -> OnnxEncoder.open(file));

        assertTrue(refused.getMessage().startsWith(file + ": cannot load ONNX model"), refused.getMessage());
    }

    @Test
    void refusesMissingModelFile() {
        Path file = dir.resolve("absent.onnx");

        InferenceException refused = assertThrows(InferenceException.class, () -> OnnxEncoder.open(file));

        assertEquals(file + ": no such model file", refused.getMessage());
    }

    @Test
    void closedEncoderRefusesInference() {
        OnnxEncoder closing = OnnxEncoder.open(modelFile);
        closing.close();

        assertThrows(IllegalStateException.class, () -> closing.infer(List.of(SparseCounts.empty(V))));
    }

    Path writeModel(ModelProto model, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }

    private static List<float[]> randomDocuments(Random random, int count, double density) {
        List<float[]> documents = new ArrayList<>();
        for (int doc = 0; doc < count; doc++) {
            documents.add(EncoderFixtures.randomCounts(random, V, density));
        }
        return documents;
    }

    private static List<SparseCounts> sparse(List<float[]> dense) {
        return dense.stream().map(SparseCounts::fromDense).toList();
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], TOLERANCE, what + ", topic " + k);
        }
    }
}
