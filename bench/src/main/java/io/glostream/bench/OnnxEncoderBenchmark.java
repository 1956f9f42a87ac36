package io.glostream.bench;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.glostream.core.features.SparseCounts;
import io.glostream.core.inference.EncoderGraph;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import io.glostream.core.inference.LinearLayer;
import io.glostream.core.inference.OnnxEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The global encoder through ONNX Runtime on one intra-op thread, in its dense and its sparse input form
 * (same weights), against the dense GEMM the dense form's first layer must do. Every invocation encodes
 * the same {@value #DOCUMENTS} documents in batches of {@code batch}, so each score is directly the
 * average time per document, comparable across batch sizes (per-batch time is the score times
 * {@code batch}).
 *
 * <ul>
 *   <li>{@code encoder}: {@link OnnxEncoder#infer} on the dense graph as serving calls it, sparse counts
 *   in, theta and mean out (includes building the dense {@code [batch x V]} input).</li>
 *   <li>{@code sparseEncoder}: the same on the sparse graph (includes building the non-zeros' tensors).</li>
 *   <li>{@code encoderGraph}: the dense graph run on dense input tensors built in advance, so the gap
 *   to {@code encoder} is the cost of densifying.</li>
 *   <li>{@code sparseEncoderGraph}: the sparse graph run on its input tensors built in advance.</li>
 *   <li>{@code firstLayer}: only {@code counts W1 + b1} (one {@code Gemm}, {@code [batch x V] x [V x H]}),
 *   same weights, same session options, dense inputs built in advance: the bound the encoder cannot
 *   beat while its first layer is dense. It does {@code 2 V H} flops per document.</li>
 * </ul>
 *
 * <p>Weights are seeded uniform in {@code ±1/sqrt(fan-in)} (PyTorch's default initialisation); each
 * document has {@code activeEntries} distinct active words of the joint vocabulary with counts 1 or 2,
 * like a polyglot-augmented input g (EC News: about 65 to 76 on average with k = 3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OnnxEncoderBenchmark {

    /** Documents per invocation; every batch size divides it. */
    static final int DOCUMENTS = 512;

    private static final int INTRA_OP_THREADS = 1;
    private static final String FIRST_LAYER_OUTPUT = "z1";

    @Param({"1", "8", "32", "128", "512"})
    public int batch;

    /** V: the joint vocabulary, both languages' blocks. */
    @Param({"10000"})
    public int vocabulary;

    /** H: the width of both hidden layers. */
    @Param({"200"})
    public int hidden;

    /** K: topics. */
    @Param({"50"})
    public int topics;

    /** Non-zeros of each document's global input g. */
    @Param({"64"})
    public int activeEntries;

    private Path directory;
    private OnnxEncoder encoder;
    private OnnxEncoder sparseEncoder;
    private OrtEnvironment environment;
    private OrtSession encoderSession;
    private OrtSession sparseEncoderSession;
    private OrtSession firstLayerSession;
    private List<List<SparseCounts>> batches;
    private List<OnnxTensor> denseBatches;
    private List<Map<String, OnnxTensor>> sparseBatches;

    @Setup(Level.Trial)
    public void prepare() throws IOException, OrtException {
        if (batch < 1 || DOCUMENTS % batch != 0) {
            throw new IllegalArgumentException("batch must divide " + DOCUMENTS + ", got " + batch);
        }
        if (activeEntries < 1 || activeEntries > vocabulary) {
            throw new IllegalArgumentException("activeEntries must be in [1, " + vocabulary + "], got " + activeEntries);
        }
        Random random = new Random(42);
        EncoderWeights weights = RandomEncoderWeights.draw(random, vocabulary, hidden, topics);
        ModelProto encoderModel = EncoderGraphWriter.build(weights, EncoderInput.DENSE);
        directory = Files.createTempDirectory("onnx-encoder-bench");
        Path encoderFile = write(encoderModel, directory.resolve("encoder.onnx"));
        Path sparseEncoderFile = write(EncoderGraphWriter.build(weights, EncoderInput.SPARSE),
                directory.resolve("encoder-sparse.onnx"));
        Path firstLayerFile = write(firstLayerOf(encoderModel), directory.resolve("first-layer.onnx"));

        encoder = OnnxEncoder.open(encoderFile, INTRA_OP_THREADS);
        sparseEncoder = OnnxEncoder.open(sparseEncoderFile, INTRA_OP_THREADS);
        environment = OrtEnvironment.getEnvironment();
        encoderSession = session(encoderFile);
        sparseEncoderSession = session(sparseEncoderFile);
        firstLayerSession = session(firstLayerFile);

        batches = new ArrayList<>();
        denseBatches = new ArrayList<>();
        sparseBatches = new ArrayList<>();
        for (int start = 0; start < DOCUMENTS; start += batch) {
            List<SparseCounts> documents = new ArrayList<>(batch);
            for (int doc = 0; doc < batch; doc++) {
                documents.add(document(random));
            }
            batches.add(documents);
            denseBatches.add(dense(documents));
            sparseBatches.add(sparse(documents));
        }
        checkFirstLayer(weights.hidden1());
        checkSparseMatchesDense();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, OrtException {
        for (OnnxTensor tensor : denseBatches) {
            tensor.close();
        }
        for (Map<String, OnnxTensor> inputs : sparseBatches) {
            inputs.values().forEach(OnnxTensor::close);
        }
        firstLayerSession.close();
        sparseEncoderSession.close();
        encoderSession.close();
        sparseEncoder.close();
        encoder.close();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void encoder(Blackhole bh) {
        for (List<SparseCounts> documents : batches) {
            bh.consume(encoder.infer(documents));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void sparseEncoder(Blackhole bh) {
        for (List<SparseCounts> documents : batches) {
            bh.consume(sparseEncoder.infer(documents));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void encoderGraph(Blackhole bh) throws OrtException {
        run(encoderSession, bh);
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void sparseEncoderGraph(Blackhole bh) throws OrtException {
        for (Map<String, OnnxTensor> inputs : sparseBatches) {
            try (OrtSession.Result result = sparseEncoderSession.run(inputs)) {
                bh.consume(result.get(0).getValue());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void firstLayer(Blackhole bh) throws OrtException {
        run(firstLayerSession, bh);
    }

    private void run(OrtSession session, Blackhole bh) throws OrtException {
        for (OnnxTensor input : denseBatches) {
            try (OrtSession.Result result = session.run(Map.of(EncoderGraph.INPUT, input))) {
                bh.consume(result.get(0).getValue());
            }
        }
    }

    /** Distinct active words; about one in eight is counted twice, as augmentation does for shared neighbours. */
    private SparseCounts document(Random random) {
        int[] occurrences = new int[activeEntries + activeEntries / 8];
        int length = 0;
        boolean[] taken = new boolean[vocabulary];
        while (length < activeEntries) {
            int word = random.nextInt(vocabulary);
            if (!taken[word]) {
                taken[word] = true;
                occurrences[length++] = word;
            }
        }
        for (int i = 0; i < activeEntries / 8; i++) {
            occurrences[length++] = occurrences[i];
        }
        return SparseCounts.countOccurrences(vocabulary, occurrences, length);
    }

    private OnnxTensor dense(List<SparseCounts> documents) throws OrtException {
        float[] values = new float[documents.size() * vocabulary];
        for (int doc = 0; doc < documents.size(); doc++) {
            documents.get(doc).scatterInto(values, doc * vocabulary);
        }
        return OnnxTensor.createTensor(environment, directFloats(values),
                new long[] {documents.size(), vocabulary});
    }

    /** The sparse graph's inputs (see {@link EncoderGraph}): the batch's non-zeros in coordinate form. */
    private Map<String, OnnxTensor> sparse(List<SparseCounts> documents) throws OrtException {
        int nonZeros = documents.stream().mapToInt(SparseCounts::nnz).sum();
        long[] indices = new long[nonZeros];
        float[] values = new float[nonZeros];
        long[] rows = new long[nonZeros];
        int at = 0;
        for (int doc = 0; doc < documents.size(); doc++) {
            SparseCounts counts = documents.get(doc);
            for (int i = 0; i < counts.nnz(); i++, at++) {
                indices[at] = counts.indexAt(i);
                values[at] = counts.valueAt(i);
                rows[at] = doc;
            }
        }
        long[] shape = {nonZeros};
        return Map.of(
                EncoderGraph.INDICES, OnnxTensor.createTensor(environment, directLongs(indices), shape),
                EncoderGraph.VALUES, OnnxTensor.createTensor(environment, directFloats(values), shape),
                EncoderGraph.ROWS, OnnxTensor.createTensor(environment, directLongs(rows), shape),
                EncoderGraph.BATCH_SIZE, OnnxTensor.createTensor(environment,
                        directLongs(new long[] {documents.size()}), new long[] {1}));
    }

    private static FloatBuffer directFloats(float[] values) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        return buffer.put(values).flip();
    }

    private static LongBuffer directLongs(long[] values) {
        LongBuffer buffer = ByteBuffer.allocateDirect(values.length * Long.BYTES)
                .order(ByteOrder.nativeOrder()).asLongBuffer();
        return buffer.put(values).flip();
    }

    /** Guards the comparison: both forms must give the same theta on the benchmark's documents. */
    private void checkSparseMatchesDense() {
        for (List<SparseCounts> documents : batches) {
            float[][] dense = encoder.theta(documents);
            float[][] sparse = sparseEncoder.theta(documents);
            for (int doc = 0; doc < dense.length; doc++) {
                for (int k = 0; k < topics; k++) {
                    if (Math.abs(dense[doc][k] - sparse[doc][k]) > 1e-6) {
                        throw new IllegalStateException("document " + doc + ", topic " + k + ": dense theta "
                                + dense[doc][k] + ", sparse " + sparse[doc][k]);
                    }
                }
            }
        }
    }

    /** The encoder's first Gemm alone, over the very same {@code W1} and {@code b1} initializers. */
    private static ModelProto firstLayerOf(ModelProto encoderModel) {
        GraphProto full = encoderModel.getGraph();
        NodeProto gemm = full.getNode(0);
        if (!gemm.getOpType().equals("Gemm") || !gemm.getOutput(0).equals(FIRST_LAYER_OUTPUT)) {
            throw new IllegalStateException("the encoder graph no longer starts with Gemm -> " + FIRST_LAYER_OUTPUT
                    + ": " + gemm.getOpType() + " -> " + gemm.getOutput(0));
        }
        List<TensorProto> initializers = full.getInitializerList().stream()
                .filter(t -> gemm.getInputList().contains(t.getName()))
                .toList();
        TensorProto bias = initializers.stream()
                .filter(t -> t.getName().equals(gemm.getInput(2)))
                .findFirst().orElseThrow();
        ValueInfoProto input = full.getInput(0);
        ValueInfoProto.Builder output = input.toBuilder().setName(FIRST_LAYER_OUTPUT);
        output.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(1).setDimValue(bias.getDims(0));
        GraphProto graph = GraphProto.newBuilder()
                .setName("gloctm_first_layer")
                .addInput(input)
                .addOutput(output)
                .addAllInitializer(initializers)
                .addNode(gemm)
                .build();
        return encoderModel.toBuilder().setDocString("GloCTM encoder, first layer only").setGraph(graph).build();
    }

    /** Guards the bound: the first-layer session must compute {@code x W1 + b1} of the benchmark's documents. */
    private void checkFirstLayer(LinearLayer layer) throws OrtException {
        SparseCounts first = batches.get(0).get(0);
        try (OrtSession.Result result = firstLayerSession.run(Map.of(EncoderGraph.INPUT, denseBatches.get(0)))) {
            float[] row = ((float[][]) result.get(0).getValue())[0];
            if (row.length != hidden) {
                throw new IllegalStateException("first layer gives " + row.length + " outputs, expected " + hidden);
            }
            for (int j = 0; j < hidden; j++) {
                double expected = layer.bias()[j];
                for (int i = 0; i < first.nnz(); i++) {
                    expected += first.valueAt(i) * layer.weight()[first.indexAt(i)][j];
                }
                if (Math.abs(row[j] - expected) > 1e-4) {
                    throw new IllegalStateException("first layer output " + j + " is " + row[j] + ", x W1 + b1 is "
                            + expected);
                }
            }
        }
    }

    private OrtSession session(Path modelFile) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(INTRA_OP_THREADS);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(modelFile.toString(), options);
        }
    }

    private static Path write(ModelProto model, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }
}
