package io.glostream.trainer.model;

import java.util.Random;

/** Initial parameter values drawn from a Java {@link Random}, so a seed fixes them on every device. */
final class Initialisers {

    private Initialisers() {
    }

    /** {@code count} values uniform in [-bound, bound). */
    static float[] uniform(Random random, int count, double bound) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return values;
    }

    /** Xavier (Glorot) uniform bound for a {@code [rows x cols]} matrix, as PyTorch's xavier_uniform_ with gain 1. */
    static double xavierBound(int rows, int cols) {
        return Math.sqrt(6.0 / (rows + cols));
    }
}
