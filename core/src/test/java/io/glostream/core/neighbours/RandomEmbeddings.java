package io.glostream.core.neighbours;

import java.util.Random;

/** Random embedding matrices for cross-checks, with the awkward rows real vocabularies have. */
final class RandomEmbeddings {

    private RandomEmbeddings() {}

    /** Gaussian rows, about one in ten zero and one in ten an exact copy of an earlier row. */
    static EmbeddingMatrix withZerosAndDuplicates(Random random, int rows, int dim) {
        float[][] matrix = new float[rows][];
        for (int r = 0; r < rows; r++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                matrix[r] = new float[dim];
            } else if (kind == 1 && r > 0) {
                matrix[r] = matrix[random.nextInt(r)].clone();
            } else {
                matrix[r] = gaussianRow(random, dim);
            }
        }
        return EmbeddingMatrix.ofRows(matrix);
    }

    static float[] gaussianRow(Random random, int dim) {
        float[] row = new float[dim];
        for (int i = 0; i < dim; i++) {
            row[i] = (float) random.nextGaussian();
        }
        return row;
    }
}
