package io.glostream.core.inference;

import java.util.Random;

/** Random but reproducible encoder weights for tests here and in trainer/bench (via core's test-jar). */
public final class EncoderFixtures {

    private EncoderFixtures() {
    }

    /** Weights for a {@code V x H x K} encoder drawn uniformly from [-0.5, 0.5) with the given seed. */
    public static EncoderWeights randomWeights(long seed, int inputDimension, int hidden, int topics) {
        Random random = new Random(seed);
        return new EncoderWeights(
                randomLayer(random, inputDimension, hidden),
                randomLayer(random, hidden, hidden),
                randomLayer(random, hidden, topics));
    }

    public static LinearLayer randomLayer(Random random, int inputs, int outputs) {
        float[][] weight = new float[inputs][outputs];
        for (float[] row : weight) {
            fill(random, row);
        }
        float[] bias = new float[outputs];
        fill(random, bias);
        return new LinearLayer(weight, bias);
    }

    /** A count vector with roughly {@code density} of its cells set to counts in [1, 5]. */
    public static float[] randomCounts(Random random, int dimension, double density) {
        float[] counts = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            if (random.nextDouble() < density) {
                counts[i] = 1 + random.nextInt(5);
            }
        }
        return counts;
    }

    private static void fill(Random random, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() - 0.5f;
        }
    }
}
