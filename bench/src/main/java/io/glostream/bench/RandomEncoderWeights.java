package io.glostream.bench;

import io.glostream.core.inference.EncoderWeights;
import io.glostream.core.inference.LinearLayer;
import java.util.Random;

/**
 * Encoder weights drawn the way PyTorch initialises a linear layer (uniform in ±1/√inputs), for benchmarks that
 * need an encoder of a given shape without training one: the cost of a graph does not depend on its values.
 */
final class RandomEncoderWeights {

    private RandomEncoderWeights() {
    }

    /** Layers V → H, H → H and H → K, drawn in that order from {@code random}. */
    static EncoderWeights draw(Random random, int vocabulary, int hidden, int topics) {
        return new EncoderWeights(layer(random, vocabulary, hidden), layer(random, hidden, hidden),
                layer(random, hidden, topics));
    }

    private static LinearLayer layer(Random random, int inputs, int outputs) {
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
}
