package io.glostream.core.inference;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
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

/**
 * Writes {@link EncoderWeights} as an ONNX graph that honours the {@link EncoderGraph} contract:
 * {@code Gemm -> Softplus -> Gemm -> Softplus -> Gemm (mean) -> Softmax(axis 1) (theta)}, with the
 * weights as named initializers {@code W1 b1 W2 b2 Wmu bmu}.
 */
public final class EncoderGraphWriter {

    private static final String GRAPH_NAME = "gloctm_encoder";

    private EncoderGraphWriter() {
    }

    /** The encoder as an ONNX model (IR {@value EncoderGraph#IR_VERSION}, opset {@value EncoderGraph#OPSET}). */
    public static ModelProto build(EncoderWeights weights) {
        int inputs = weights.inputDimension();
        int topics = weights.topics();
        GraphProto graph = GraphProto.newBuilder()
                .setName(GRAPH_NAME)
                .addInput(batchMatrix(EncoderGraph.INPUT, inputs))
                .addOutput(batchMatrix(EncoderGraph.THETA, topics))
                .addOutput(batchMatrix(EncoderGraph.MEAN, topics))
                .addAllInitializer(List.of(
                        matrix("W1", weights.hidden1().weight()), vector("b1", weights.hidden1().bias()),
                        matrix("W2", weights.hidden2().weight()), vector("b2", weights.hidden2().bias()),
                        matrix("Wmu", weights.mean().weight()), vector("bmu", weights.mean().bias())))
                .addNode(gemm("hidden1_linear", EncoderGraph.INPUT, "W1", "b1", "z1"))
                .addNode(node("hidden1_softplus", "Softplus", "z1", "h1"))
                .addNode(gemm("hidden2_linear", "h1", "W2", "b2", "z2"))
                .addNode(node("hidden2_softplus", "Softplus", "z2", "h2"))
                .addNode(gemm("mean_linear", "h2", "Wmu", "bmu", EncoderGraph.MEAN))
                .addNode(softmaxOverTopics("theta_softmax", EncoderGraph.MEAN, EncoderGraph.THETA))
                .build();
        return ModelProto.newBuilder()
                .setIrVersion(EncoderGraph.IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(EncoderGraph.OPSET))
                .setProducerName(EncoderGraph.PRODUCER)
                .setDocString("GloCTM encoder: V=" + inputs + ", H=" + weights.hiddenDimension() + ", K=" + topics)
                .setGraph(graph)
                .build();
    }

    /** Serialises {@link #build(EncoderWeights)} to {@code out}, leaving it open. */
    public static void write(EncoderWeights weights, OutputStream out) throws IOException {
        build(weights).writeTo(out);
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

    private static NodeProto softmaxOverTopics(String name, String input, String output) {
        AttributeProto axis = AttributeProto.newBuilder()
                .setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)
                .build();
        return node(name, "Softmax", input, output).toBuilder().addAttribute(axis).build();
    }

    private static ValueInfoProto batchMatrix(String name, int columns) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(EncoderGraph.BATCH_DIMENSION))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns))
                .build();
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
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
