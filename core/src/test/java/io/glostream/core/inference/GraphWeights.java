package io.glostream.core.inference;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the {@link EncoderWeights} back out of a graph {@link EncoderGraphWriter} wrote, in either form. */
public final class GraphWeights {

    private GraphWeights() {
    }

    public static EncoderWeights of(ModelProto model) {
        Map<String, TensorProto> byName = model.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
        return new EncoderWeights(layer(byName, "W1", "b1"), layer(byName, "W2", "b2"), layer(byName, "Wmu", "bmu"));
    }

    private static LinearLayer layer(Map<String, TensorProto> byName, String weight, String bias) {
        TensorProto w = byName.get(weight);
        int rows = Math.toIntExact(w.getDims(0));
        int columns = Math.toIntExact(w.getDims(1));
        ByteBuffer raw = littleEndian(w);
        float[][] matrix = new float[rows][columns];
        for (float[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = raw.getFloat();
            }
        }
        ByteBuffer rawBias = littleEndian(byName.get(bias));
        float[] vector = new float[columns];
        for (int j = 0; j < columns; j++) {
            vector[j] = rawBias.getFloat();
        }
        return new LinearLayer(matrix, vector);
    }

    private static ByteBuffer littleEndian(TensorProto tensor) {
        if (tensor.getDataType() != TensorProto.DataType.FLOAT.getNumber() || tensor.getRawData().isEmpty()) {
            throw new IllegalArgumentException(tensor.getName() + " is not a raw float tensor");
        }
        return ByteBuffer.wrap(tensor.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }
}
