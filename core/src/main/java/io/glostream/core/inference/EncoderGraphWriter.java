package io.glostream.core.inference;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link EncoderWeights} as an ONNX graph that honours the {@link EncoderGraph} contract, in either
 * {@link EncoderInput} form. After the first layer both are
 * {@code Softplus -> Gemm -> Softplus -> Gemm (mean) -> Softmax(axis 1) (theta)} (each softplus written as
 * {@code Relu(x) + Log(1 + Exp(-|x|))}, see {@code addSoftplus}), with the weights as named
 * initializers {@code W1 b1 W2 b2 Wmu bmu}. The first layer {@code z1 = x W1 + b1} is
 *
 * <ul>
 *   <li>dense: {@code Gemm(counts, W1, b1)};</li>
 *   <li>sparse: {@code Gather(W1, indices)} (the active words' rows), {@code Mul} by the counts, then
 *   {@code ScatterND(reduction="add")} of those rows into {@code b1} broadcast to {@code [batch_size, H]}
 *   at each non-zero's document: the per-document sum, in one pass over the non-zeros, so its cost
 *   follows the batch's non-zeros whatever their spread across documents. Chosen by measurement
 *   ({@code SparseFirstLayerBenchmark}, {@code bench/results/onnx-encoder-jmh.md}): ScatterElements
 *   (which needs the document index expanded to {@code [nnz, H]}) is 2-22x slower; a padded
 *   {@code [batch, longest document]} Gather and batched MatMul was within the noise of it (10-40%
 *   faster on uniformly short documents) but pays for the longest document in every row; summing the
 *   first layer in Java was 1.35-2x faster from batch 32 up, not clearly, and would leave a bundle
 *   ONNX Runtime cannot serve alone.</li>
 * </ul>
 */
public final class EncoderGraphWriter {

    private static final String GRAPH_NAME = "gloctm_encoder";
    private static final String SECOND_AXIS = "axis_1";
    private static final String HIDDEN_WIDTH = "hidden_width";
    private static final String ONE = "one";

    private EncoderGraphWriter() {
    }

    /** The encoder as an ONNX model (IR {@value EncoderGraph#IR_VERSION}, opset {@value EncoderGraph#OPSET}). */
    public static ModelProto build(EncoderWeights weights, EncoderInput input) {
        if (weights == null || input == null) {
            throw new IllegalArgumentException("weights and input form are required");
        }
        int inputs = weights.inputDimension();
        int topics = weights.topics();
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName(GRAPH_NAME)
                .addOutput(batchMatrix(EncoderGraph.THETA, topics))
                .addOutput(batchMatrix(EncoderGraph.MEAN, topics))
                .addAllInitializer(List.of(
                        matrix("W1", weights.hidden1().weight()), vector("b1", weights.hidden1().bias()),
                        matrix("W2", weights.hidden2().weight()), vector("b2", weights.hidden2().bias()),
                        matrix("Wmu", weights.mean().weight()), vector("bmu", weights.mean().bias())));
        ModelProto.Builder model = ModelProto.newBuilder();
        if (input == EncoderInput.DENSE) {
            graph.addInput(batchMatrix(EncoderGraph.INPUT, inputs))
                    .addNode(gemm("hidden1_linear", EncoderGraph.INPUT, "W1", "b1", "z1"));
        } else {
            addSparseFirstLayer(graph, weights.hiddenDimension());
            model.addMetadataProps(StringStringEntryProto.newBuilder()
                    .setKey(EncoderGraph.INPUT_DIMENSION_KEY).setValue(Integer.toString(inputs)));
        }
        graph.addInitializer(vector(ONE, new float[] {1f}));
        addSoftplus(graph, "hidden1", "z1", "h1");
        graph.addNode(gemm("hidden2_linear", "h1", "W2", "b2", "z2"));
        addSoftplus(graph, "hidden2", "z2", "h2");
        graph.addNode(gemm("mean_linear", "h2", "Wmu", "bmu", EncoderGraph.MEAN))
                .addNode(softmaxOverTopics("theta_softmax", EncoderGraph.MEAN, EncoderGraph.THETA));
        return model
                .setIrVersion(EncoderGraph.IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(EncoderGraph.OPSET))
                .setProducerName(EncoderGraph.PRODUCER)
                .setDocString("GloCTM encoder: V=" + inputs + ", H=" + weights.hiddenDimension() + ", K=" + topics
                        + ", " + input.name().toLowerCase(Locale.ROOT) + " input")
                .setGraph(graph)
                .build();
    }

    /** Serialises {@link #build(EncoderWeights, EncoderInput)} to {@code out}, leaving it open. */
    public static void write(EncoderWeights weights, EncoderInput input, OutputStream out) throws IOException {
        build(weights, input).writeTo(out);
    }

    /** {@code z1 = b1 + per-document sum of values * W1[indices]}, see the class comment. */
    private static void addSparseFirstLayer(GraphProto.Builder graph, int hidden) {
        graph.addInput(tensorInput(EncoderGraph.INDICES, TensorProto.DataType.INT64, nonZeros()))
                .addInput(tensorInput(EncoderGraph.VALUES, TensorProto.DataType.FLOAT, nonZeros()))
                .addInput(tensorInput(EncoderGraph.ROWS, TensorProto.DataType.INT64, nonZeros()))
                .addInput(tensorInput(EncoderGraph.BATCH_SIZE, TensorProto.DataType.INT64, fixed(1)))
                .addInitializer(longs(SECOND_AXIS, 1))
                .addInitializer(longs(HIDDEN_WIDTH, hidden))
                .addNode(gatherRows("hidden1_gather", "W1", EncoderGraph.INDICES, "active_rows"))
                .addNode(binary("hidden1_counts_column", "Unsqueeze", EncoderGraph.VALUES, SECOND_AXIS,
                        "counts_column"))
                .addNode(binary("hidden1_weigh", "Mul", "active_rows", "counts_column", "weighted_rows"))
                .addNode(binary("hidden1_rows_column", "Unsqueeze", EncoderGraph.ROWS, SECOND_AXIS, "document_of_row"))
                .addNode(NodeProto.newBuilder().setName("hidden1_shape").setOpType("Concat")
                        .addInput(EncoderGraph.BATCH_SIZE).addInput(HIDDEN_WIDTH).addOutput("batch_by_hidden")
                        .addAttribute(intAttribute("axis", 0))
                        .build())
                .addNode(binary("hidden1_bias_rows", "Expand", "b1", "batch_by_hidden", "bias_rows"))
                .addNode(NodeProto.newBuilder().setName("hidden1_sum").setOpType("ScatterND")
                        .addInput("bias_rows").addInput("document_of_row").addInput("weighted_rows").addOutput("z1")
                        .addAttribute(AttributeProto.newBuilder().setName("reduction")
                                .setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8("add")))
                        .build());
    }

    /**
     * {@code softplus(x) = Relu(x) + Log(1 + Exp(-|x|))}, which is exact in float for any x. ONNX Runtime 1.24's
     * own Softplus kernel costs about 11.6 ns per element against 0.2-1.7 for these element-wise ops; once the
     * first layer went sparse it was a third of the encoder's time (bench/results/onnx-encoder-jmh.md).
     */
    private static void addSoftplus(GraphProto.Builder graph, String layer, String input, String output) {
        String positive = layer + "_positive";
        String magnitude = layer + "_magnitude";
        String negative = layer + "_negative";
        String decay = layer + "_decay";
        String onePlusDecay = layer + "_one_plus_decay";
        String logTerm = layer + "_log_term";
        graph.addNode(node(layer + "_relu", "Relu", input, positive))
                .addNode(node(layer + "_abs", "Abs", input, magnitude))
                .addNode(node(layer + "_neg", "Neg", magnitude, negative))
                .addNode(node(layer + "_exp", "Exp", negative, decay))
                .addNode(binary(layer + "_one_plus", "Add", decay, ONE, onePlusDecay))
                .addNode(node(layer + "_log", "Log", onePlusDecay, logTerm))
                .addNode(binary(layer + "_softplus", "Add", positive, logTerm, output));
    }

    private static NodeProto gemm(String name, String input, String weight, String bias, String output) {
        return NodeProto.newBuilder()
                .setName(name).setOpType("Gemm")
                .addInput(input).addInput(weight).addInput(bias)
                .addOutput(output)
                .build();
    }

    private static NodeProto node(String name, String opType, String input, String output) {
        return NodeProto.newBuilder().setName(name).setOpType(opType).addInput(input).addOutput(output).build();
    }

    private static NodeProto binary(String name, String opType, String first, String second, String output) {
        return NodeProto.newBuilder().setName(name).setOpType(opType)
                .addInput(first).addInput(second).addOutput(output)
                .build();
    }

    private static NodeProto gatherRows(String name, String matrix, String indices, String output) {
        return binary(name, "Gather", matrix, indices, output).toBuilder()
                .addAttribute(intAttribute("axis", 0))
                .build();
    }

    private static NodeProto softmaxOverTopics(String name, String input, String output) {
        return node(name, "Softmax", input, output).toBuilder().addAttribute(intAttribute("axis", 1)).build();
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static ValueInfoProto batchMatrix(String name, int columns) {
        return tensorInput(name, TensorProto.DataType.FLOAT,
                TensorShapeProto.Dimension.newBuilder().setDimParam(EncoderGraph.BATCH_DIMENSION).build(),
                fixed(columns));
    }

    private static TensorShapeProto.Dimension nonZeros() {
        return TensorShapeProto.Dimension.newBuilder().setDimParam(EncoderGraph.NONZERO_DIMENSION).build();
    }

    private static TensorShapeProto.Dimension fixed(long size) {
        return TensorShapeProto.Dimension.newBuilder().setDimValue(size).build();
    }

    private static ValueInfoProto tensorInput(String name, TensorProto.DataType elementType,
            TensorShapeProto.Dimension... dims) {
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(elementType.getNumber())
                        .setShape(TensorShapeProto.newBuilder().addAllDim(List.of(dims))))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private static TensorProto longs(String name, long... values) {
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length);
        for (long value : values) {
            tensor.addInt64Data(value);
        }
        return tensor.build();
    }

    private static TensorProto matrix(String name, float[][] rows) {
        int columns = rows[0].length;
        ByteBuffer bytes = littleEndian(rows.length * columns);
        for (float[] row : rows) {
            for (float value : row) {
                bytes.putFloat(value);
            }
        }
        return tensor(name, bytes, rows.length, columns);
    }

    private static TensorProto vector(String name, float[] values) {
        ByteBuffer bytes = littleEndian(values.length);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return tensor(name, bytes, values.length);
    }

    private static ByteBuffer littleEndian(int floats) {
        return ByteBuffer.allocate(Math.multiplyExact(floats, Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static TensorProto tensor(String name, ByteBuffer littleEndianFloats, long... dims) {
        littleEndianFloats.flip();
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(littleEndianFloats));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }
}
