package io.glostream.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EncoderGraphWriterTest {

    private static final int V = 6;
    private static final int H = 3;
    private static final int K = 2;

    private final EncoderWeights weights = EncoderFixtures.randomWeights(1, V, H, K);
    private final ModelProto model = EncoderGraphWriter.build(weights, EncoderInput.DENSE);
    private final ModelProto sparse = EncoderGraphWriter.build(weights, EncoderInput.SPARSE);

    @Test
    void stampsIrVersionOpsetAndProducer() {
        assertEquals(8, model.getIrVersion());
        assertEquals(1, model.getOpsetImportCount());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(17, model.getOpsetImport(0).getVersion());
        assertEquals("glostream", model.getProducerName());
    }

    @Test
    void denseFormDeclaresCountsInputAndThetaMeanOutputsWithDynamicBatch() {
        GraphProto graph = model.getGraph();

        assertEquals(List.of("counts"), graph.getInputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals(List.of("theta", "mean"), graph.getOutputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals("batch[6]", describeShape(graph.getInput(0)));
        assertEquals("batch[2]", describeShape(graph.getOutput(0)));
        assertEquals("batch[2]", describeShape(graph.getOutput(1)));
    }

    @Test
    void storesEveryWeightAsANamedInitializerWithItsShape() {
        Map<String, TensorProto> initializers = model.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));

        assertEquals(List.of(6L, 3L), initializers.get("W1").getDimsList());
        assertEquals(List.of(3L), initializers.get("b1").getDimsList());
        assertEquals(List.of(3L, 3L), initializers.get("W2").getDimsList());
        assertEquals(List.of(3L), initializers.get("b2").getDimsList());
        assertEquals(List.of(3L, 2L), initializers.get("Wmu").getDimsList());
        assertEquals(List.of(2L), initializers.get("bmu").getDimsList());
    }

    @Test
    void writesWeightsRowMajorAsLittleEndianFloats() {
        TensorProto w1 = model.getGraph().getInitializerList().stream()
                .filter(t -> t.getName().equals("W1")).findFirst().orElseThrow();
        ByteBuffer raw = ByteBuffer.wrap(w1.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals(V * H * Float.BYTES, raw.remaining());
        assertEquals(weights.hidden1().weight()[4][1], raw.getFloat((4 * H + 1) * Float.BYTES));
    }

    @Test
    void denseFormChainsGemmSoftplusGemmSoftplusGemmSoftmaxWithSoftplusAsStableElementwiseOps() {
        List<String> ops = model.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList();

        assertEquals(List.of("Gemm", "Relu", "Abs", "Neg", "Exp", "Add", "Log", "Add", "Gemm",
                "Relu", "Abs", "Neg", "Exp", "Add", "Log", "Add", "Gemm", "Softmax"), ops);
        assertEquals(1, model.getGraph().getNode(ops.size() - 1).getAttribute(0).getI());
    }

    @Test
    void sparseFormDeclaresTheNonZerosAndTheBatchSizeAsInputs() {
        GraphProto graph = sparse.getGraph();

        assertEquals(List.of("indices int64 [nnz]", "values float [nnz]", "rows int64 [nnz]", "batch_size int64 [1]"),
                graph.getInputList().stream().map(EncoderGraphWriterTest::describeVector).toList());
        assertEquals(List.of("theta", "mean"), graph.getOutputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals("batch[2]", describeShape(graph.getOutput(0)));
    }

    @Test
    void sparseFormCarriesTheInputDimensionAsMetadata() {
        assertEquals(1, sparse.getMetadataPropsCount());
        assertEquals("glostream.input_dimension", sparse.getMetadataProps(0).getKey());
        assertEquals("6", sparse.getMetadataProps(0).getValue());
        assertEquals(0, model.getMetadataPropsCount());
    }

    @Test
    void sparseFormGathersScalesAndScatterAddsTheFirstLayerThenChainsTheSameLayers() {
        List<String> ops = sparse.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList();

        assertEquals(List.of("Gather", "Unsqueeze", "Mul", "Unsqueeze", "Concat", "Expand", "ScatterND",
                "Relu", "Abs", "Neg", "Exp", "Add", "Log", "Add", "Gemm",
                "Relu", "Abs", "Neg", "Exp", "Add", "Log", "Add", "Gemm", "Softmax"), ops);
        AttributeProto reduction = sparse.getGraph().getNode(6).getAttribute(0);
        assertEquals("reduction", reduction.getName());
        assertEquals("add", reduction.getS().toStringUtf8());
        assertEquals(17, sparse.getOpsetImport(0).getVersion());
    }

    @Test
    void bothFormsHoldTheSameWeightInitializers() {
        Map<String, TensorProto> dense = model.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
        Map<String, TensorProto> sparseWeights = sparse.getGraph().getInitializerList().stream()
                .filter(t -> dense.containsKey(t.getName()))
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));

        assertEquals(dense, sparseWeights);
    }

    private static String describeVector(ValueInfoProto value) {
        TypeProto.Tensor tensor = value.getType().getTensorType();
        TensorShapeProto.Dimension dim = tensor.getShape().getDim(0);
        String type = TensorProto.DataType.forNumber(tensor.getElemType()).name().toLowerCase(Locale.ROOT);
        return value.getName() + " " + type + " [" + (dim.hasDimParam() ? dim.getDimParam() : dim.getDimValue()) + "]";
    }

    private static String describeShape(ValueInfoProto value) {
        TensorShapeProto shape = value.getType().getTensorType().getShape();
        return shape.getDim(0).getDimParam() + "[" + shape.getDim(1).getDimValue() + "]";
    }
}
