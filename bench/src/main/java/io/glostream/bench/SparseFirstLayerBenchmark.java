package io.glostream.bench;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import io.glostream.core.inference.EncoderGraph;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
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
 * The ways of computing the encoder's first layer {@code z1 = x W1 + b1} from a batch's non-zeros, each
 * followed by the same rest of the graph, that the sparse form was chosen among. Inputs are built per
 * batch, as serving does; every invocation encodes {@value #DOCUMENTS} documents, so scores are per
 * document.
 *
 * <ul>
 *   <li>{@code scatterNd}: the graph {@link EncoderGraphWriter} writes: {@code Gather} the active rows of
 *   {@code W1}, scale them by the counts, {@code ScatterND(reduction="add")} them into {@code b1} rows.</li>
 *   <li>{@code scatterElements}: the same with {@code ScatterElements(axis 0, reduction="add")}, whose
 *   indices must be the document of each non-zero expanded to {@code [nnz, H]}.</li>
 *   <li>{@code paddedMatMul}: indices and counts as {@code [batch, longest document]} (padded with word 0
 *   and count 0), {@code Gather} to {@code [batch, L, H]} and a batched {@code MatMul} by the counts.</li>
 *   <li>{@code javaFirstLayer}: the first layer summed in Java, its {@code [batch, H]} result fed to a
 *   graph of the remaining layers (such a bundle would no longer be servable by ONNX Runtime alone).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SparseFirstLayerBenchmark {

    static final int DOCUMENTS = 512;

    private static final String Z1_INPUT = "z1_input";
    private static final String PADDED_INDICES = "padded_indices";
    private static final String PADDED_VALUES = "padded_values";

    @Param({"1", "32", "512"})
    public int batch;

    @Param({"10000"})
    public int vocabulary;

    @Param({"200"})
    public int hidden;

    @Param({"50"})
    public int topics;

    /** Non-zeros per document are drawn uniformly from [14, 123], EC News's p10-p90 of g. */
    private static final int FEWEST = 14;
    private static final int MOST = 123;

    private Path directory;
    private OrtEnvironment environment;
    private EncoderWeights weights;
    private OrtSession scatterNd;
    private OrtSession scatterElements;
    private OrtSession paddedMatMul;
    private OrtSession restOfGraph;
    private int[][] documentWords;
    private float[][] documentCounts;
    /** Direct input buffers reused across batches, as OnnxEncoder reuses its own, sized for the largest batch. */
    private LongBuffer indexScratch;
    private LongBuffer rowScratch;
    private FloatBuffer valueScratch;
    private FloatBuffer firstLayerScratch;
    private LongBuffer batchSize;

    @Setup(Level.Trial)
    public void prepare() throws IOException, OrtException {
        if (batch < 1 || DOCUMENTS % batch != 0) {
            throw new IllegalArgumentException("batch must divide " + DOCUMENTS + ", got " + batch);
        }
        Random random = new Random(42);
        weights = RandomEncoderWeights.draw(random, vocabulary, hidden, topics);
        ModelProto sparse = EncoderGraphWriter.build(weights, EncoderInput.SPARSE);
        environment = OrtEnvironment.getEnvironment();
        directory = Files.createTempDirectory("sparse-first-layer-bench");
        scatterNd = session(sparse, "scatter-nd.onnx");
        scatterElements = session(withFirstLayer(sparse, scatterElementsLayer(), sparse.getGraph().getInputList()),
                "scatter-elements.onnx");
        paddedMatMul = session(withFirstLayer(sparse, paddedLayer(), List.of(
                tensor(PADDED_INDICES, TensorProto.DataType.INT64), tensor(PADDED_VALUES, TensorProto.DataType.FLOAT))),
                "padded.onnx");
        restOfGraph = session(withFirstLayer(sparse, List.of(node("Identity", List.of(Z1_INPUT), "z1")),
                List.of(tensor(Z1_INPUT, TensorProto.DataType.FLOAT))), "rest.onnx");
        documentWords = new int[DOCUMENTS][];
        documentCounts = new float[DOCUMENTS][];
        for (int doc = 0; doc < DOCUMENTS; doc++) {
            documentWords[doc] = random.ints(0, vocabulary).distinct().limit(FEWEST + random.nextInt(MOST - FEWEST + 1))
                    .sorted().toArray();
            documentCounts[doc] = new float[documentWords[doc].length];
            for (int i = 0; i < documentCounts[doc].length; i++) {
                documentCounts[doc][i] = random.nextInt(8) == 0 ? 2f : 1f;
            }
        }
        indexScratch = longs(batch * MOST);
        rowScratch = longs(batch * MOST);
        valueScratch = floats(batch * MOST);
        firstLayerScratch = floats(batch * hidden);
        batchSize = longs(1).put(0, batch);
        checkAllAgree();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, OrtException {
        for (OrtSession session : List.of(scatterNd, scatterElements, paddedMatMul, restOfGraph)) {
            session.close();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void scatterNd(Blackhole bh) throws OrtException {
        for (int from = 0; from < DOCUMENTS; from += batch) {
            bh.consume(coordinates(scatterNd, from));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void scatterElements(Blackhole bh) throws OrtException {
        for (int from = 0; from < DOCUMENTS; from += batch) {
            bh.consume(coordinates(scatterElements, from));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void paddedMatMul(Blackhole bh) throws OrtException {
        for (int from = 0; from < DOCUMENTS; from += batch) {
            bh.consume(padded(from));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void javaFirstLayer(Blackhole bh) throws OrtException {
        for (int from = 0; from < DOCUMENTS; from += batch) {
            bh.consume(javaSummed(from));
        }
    }

    private float[] coordinates(OrtSession session, int from) throws OrtException {
        int nonZeros = 0;
        for (int doc = from; doc < from + batch; doc++) {
            nonZeros += documentWords[doc].length;
        }
        LongBuffer indices = view(indexScratch, nonZeros);
        FloatBuffer values = view(valueScratch, nonZeros);
        LongBuffer rows = view(rowScratch, nonZeros);
        for (int doc = from; doc < from + batch; doc++) {
            for (int i = 0; i < documentWords[doc].length; i++) {
                indices.put(documentWords[doc][i]);
                values.put(documentCounts[doc][i]);
                rows.put(doc - from);
            }
        }
        long[] shape = {nonZeros};
        try (OnnxTensor i = OnnxTensor.createTensor(environment, indices.flip(), shape);
                OnnxTensor v = OnnxTensor.createTensor(environment, values.flip(), shape);
                OnnxTensor r = OnnxTensor.createTensor(environment, rows.flip(), shape);
                OnnxTensor b = OnnxTensor.createTensor(environment, batchSize.duplicate(), new long[] {1})) {
            return theta(session, Map.of(EncoderGraph.INDICES, i, EncoderGraph.VALUES, v, EncoderGraph.ROWS, r,
                    EncoderGraph.BATCH_SIZE, b));
        }
    }

    private float[] padded(int from) throws OrtException {
        int longest = 1;
        for (int doc = from; doc < from + batch; doc++) {
            longest = Math.max(longest, documentWords[doc].length);
        }
        LongBuffer indices = view(indexScratch, batch * longest);
        FloatBuffer values = view(valueScratch, batch * longest);
        for (int at = 0; at < batch * longest; at++) {
            indices.put(at, 0L);
            values.put(at, 0f);
        }
        for (int doc = from; doc < from + batch; doc++) {
            int rowStart = (doc - from) * longest;
            for (int i = 0; i < documentWords[doc].length; i++) {
                indices.put(rowStart + i, documentWords[doc][i]);
                values.put(rowStart + i, documentCounts[doc][i]);
            }
        }
        long[] shape = {batch, longest};
        try (OnnxTensor i = OnnxTensor.createTensor(environment, indices, shape);
                OnnxTensor v = OnnxTensor.createTensor(environment, values, shape)) {
            return theta(paddedMatMul, Map.of(PADDED_INDICES, i, PADDED_VALUES, v));
        }
    }

    private float[] javaSummed(int from) throws OrtException {
        float[] bias = weights.hidden1().bias();
        float[][] w1 = weights.hidden1().weight();
        FloatBuffer z1 = view(firstLayerScratch, batch * hidden);
        float[] row = new float[hidden];
        for (int doc = from; doc < from + batch; doc++) {
            System.arraycopy(bias, 0, row, 0, hidden);
            for (int i = 0; i < documentWords[doc].length; i++) {
                float count = documentCounts[doc][i];
                float[] weight = w1[documentWords[doc][i]];
                for (int j = 0; j < hidden; j++) {
                    row[j] += count * weight[j];
                }
            }
            z1.put(row);
        }
        try (OnnxTensor input = OnnxTensor.createTensor(environment, z1.flip(), new long[] {batch, hidden})) {
            return theta(restOfGraph, Map.of(Z1_INPUT, input));
        }
    }

    private float[] theta(OrtSession session, Map<String, OnnxTensor> inputs) throws OrtException {
        try (OrtSession.Result result = session.run(inputs)) {
            FloatBuffer theta = ((OnnxTensor) result.get(EncoderGraph.THETA).orElseThrow()).getFloatBuffer();
            float[] values = new float[theta.remaining()];
            theta.get(values);
            return values;
        }
    }

    /** Guards the comparison: every way must give the same theta for the first batch. */
    private void checkAllAgree() throws OrtException {
        float[] expected = coordinates(scatterNd, 0);
        Map<String, float[]> others = Map.of("scatterElements", coordinates(scatterElements, 0),
                "paddedMatMul", padded(0), "javaFirstLayer", javaSummed(0));
        others.forEach((name, theta) -> {
            for (int i = 0; i < expected.length; i++) {
                if (Math.abs(expected[i] - theta[i]) > 1e-5) {
                    throw new IllegalStateException(name + " gives theta " + theta[i] + " at " + i + ", scatterNd "
                            + expected[i]);
                }
            }
        });
    }

    /** {@code z1} by ScatterElements: like ScatterND, but its indices must have the updates' shape. */
    private List<NodeProto> scatterElementsLayer() {
        return List.of(
                node("Gather", List.of("W1", EncoderGraph.INDICES), "active_rows"),
                node("Unsqueeze", List.of(EncoderGraph.VALUES, "axis_1"), "counts_column"),
                node("Mul", List.of("active_rows", "counts_column"), "weighted_rows"),
                node("Unsqueeze", List.of(EncoderGraph.ROWS, "axis_1"), "document_of_row"),
                node("Shape", List.of("weighted_rows"), "nnz_by_hidden"),
                node("Expand", List.of("document_of_row", "nnz_by_hidden"), "document_of_cell"),
                withAttribute(node("Concat", List.of(EncoderGraph.BATCH_SIZE, "hidden_width"), "batch_by_hidden"),
                        intAttribute("axis", 0)),
                node("Expand", List.of("b1", "batch_by_hidden"), "bias_rows"),
                withAttribute(withAttribute(node("ScatterElements",
                        List.of("bias_rows", "document_of_cell", "weighted_rows"), "z1"), intAttribute("axis", 0)),
                        AttributeProto.newBuilder().setName("reduction").setType(AttributeProto.AttributeType.STRING)
                                .setS(ByteString.copyFromUtf8("add")).build()));
    }

    /** {@code z1} from padded {@code [batch, L]} indices and counts: Gather, then {@code [B,1,L] x [B,L,H]}. */
    private List<NodeProto> paddedLayer() {
        return List.of(
                node("Gather", List.of("W1", PADDED_INDICES), "active_rows"),
                node("Unsqueeze", List.of(PADDED_VALUES, "axis_1"), "counts_row"),
                node("MatMul", List.of("counts_row", "active_rows"), "summed"),
                node("Squeeze", List.of("summed", "axis_1"), "summed_rows"),
                node("Add", List.of("summed_rows", "b1"), "z1"));
    }

    /**
     * The sparse graph with its first layer (every node before the first that reads {@code z1}, the first layer's
     * output) and inputs replaced. Cutting at the first reader of {@code z1} rather than at a node name keeps this
     * working when the activation's nodes change (softplus became six element-wise nodes).
     */
    private static ModelProto withFirstLayer(ModelProto sparse, List<NodeProto> firstLayer,
            List<ValueInfoProto> inputs) {
        GraphProto graph = sparse.getGraph();
        List<NodeProto> nodes = new ArrayList<>(firstLayer);
        boolean rest = false;
        for (NodeProto node : graph.getNodeList()) {
            rest |= node.getInputList().contains("z1");
            if (rest) {
                nodes.add(node);
            }
        }
        if (!rest) {
            throw new IllegalStateException("no node of the sparse graph reads z1");
        }
        GraphProto.Builder replaced = graph.toBuilder().clearNode().addAllNode(nodes).clearInput().addAllInput(inputs);
        return sparse.toBuilder().setGraph(replaced).build();
    }

    private static NodeProto node(String opType, List<String> inputs, String output) {
        return NodeProto.newBuilder().setName(output + "_" + opType).setOpType(opType)
                .addAllInput(inputs).addOutput(output).build();
    }

    private static NodeProto withAttribute(NodeProto node, AttributeProto attribute) {
        return node.toBuilder().addAttribute(attribute).build();
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** A tensor input of any rank and shape (no shape declared): ONNX Runtime takes them from the tensor fed. */
    private static ValueInfoProto tensor(String name, TensorProto.DataType type) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()))).build();
    }

    private OrtSession session(ModelProto model, String name) throws IOException, OrtException {
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(file.toString(), options);
        }
    }

    private static LongBuffer view(LongBuffer scratch, int count) {
        return scratch.duplicate().clear().limit(count).slice();
    }

    private static FloatBuffer view(FloatBuffer scratch, int count) {
        return scratch.duplicate().clear().limit(count).slice();
    }

    private static LongBuffer longs(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    private static FloatBuffer floats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
