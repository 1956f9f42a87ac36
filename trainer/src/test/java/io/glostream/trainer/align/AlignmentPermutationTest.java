package io.glostream.trainer.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlignmentPermutationTest {

    /** Current topics 0..3 get ids 2, 0, 3, 1; so new id 0 is current topic 1, id 1 is 3, id 2 is 0, id 3 is 2. */
    private static final Alignment ALIGNMENT = new Alignment(4, new int[] {2, 0, 3, 1}, new int[] {0, 1, 2, 3},
            new double[] {1, 1, 1, 1}, new boolean[4], 0.3, Map.of("en", 1));

    @Test
    void theInverseMapGivesTheCurrentTopicOfEachNewId() {
        assertArrayEquals(new int[] {1, 3, 0, 2}, ALIGNMENT.currentTopicOfNewId());
    }

    @Test
    void permutingRowsPutsEachCurrentTopicsRowAtItsNewId() {
        float[][] rows = {{10, 11}, {20, 21}, {30, 31}, {40, 41}};
        float[][] permuted = ALIGNMENT.permute(rows);
        assertArrayEquals(new float[] {20, 21}, permuted[0]);
        assertArrayEquals(new float[] {40, 41}, permuted[1]);
        assertArrayEquals(new float[] {10, 11}, permuted[2]);
        assertArrayEquals(new float[] {30, 31}, permuted[3]);
    }

    @Test
    void permutingRowMajorRowsAgreesWithPermutingRowArrays() {
        float[] rowMajor = {10, 11, 20, 21, 30, 31, 40, 41};
        assertArrayEquals(new float[] {20, 21, 40, 41, 10, 11, 30, 31}, ALIGNMENT.permuteRows(rowMajor, 4, 2));
    }

    @Test
    void permutingColumnsMovesEachCurrentTopicsColumnToItsNewId() {
        float[] rowMajor = {1, 2, 3, 4, 5, 6, 7, 8};
        assertArrayEquals(new float[] {2, 4, 1, 3, 6, 8, 5, 7}, ALIGNMENT.permuteColumns(rowMajor, 2, 4));
    }

    @Test
    void permutingTheMeanHeadPermutesTheSoftmaxOutputTheSameWay() {
        // theta = softmax(BN(x W + b)) for a [1 x H] input, W [H x K]; BN with running mean, variance, beta.
        int hidden = 5;
        int k = 4;
        Random random = new Random(21);
        float[] x = randomArray(random, hidden);
        float[] w = randomArray(random, hidden * k);
        float[] b = randomArray(random, k);
        float[] mean = randomArray(random, k);
        float[] variance = new float[k];
        for (int t = 0; t < k; t++) {
            variance[t] = 0.5f + random.nextFloat();
        }
        float[] beta = randomArray(random, k);

        double[] theta = meanHead(x, w, b, mean, variance, beta, hidden, k);
        double[] permutedTheta = meanHead(x, ALIGNMENT.permuteColumns(w, hidden, k), ALIGNMENT.permuteColumns(b, 1, k),
                ALIGNMENT.permuteColumns(mean, 1, k), ALIGNMENT.permuteColumns(variance, 1, k),
                ALIGNMENT.permuteColumns(beta, 1, k), hidden, k);

        int[] currentOfId = ALIGNMENT.currentTopicOfNewId();
        for (int id = 0; id < k; id++) {
            assertEquals(theta[currentOfId[id]], permutedTheta[id], 1e-12, "id " + id);
        }
    }

    @Test
    void aMatrixWithTheWrongNumberOfTopicsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ALIGNMENT.permute(new float[3][2]));
        assertThrows(IllegalArgumentException.class, () -> ALIGNMENT.permuteColumns(new float[6], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> ALIGNMENT.permuteRows(new float[6], 3, 2));
    }

    @Test
    void anArrayThatIsNotTheStatedShapeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ALIGNMENT.permuteColumns(new float[7], 2, 4));
    }

    private static double[] meanHead(float[] x, float[] w, float[] b, float[] mean, float[] variance, float[] beta,
            int hidden, int k) {
        double[] z = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            double sum = b[t];
            for (int h = 0; h < hidden; h++) {
                sum += x[h] * w[h * k + t];
            }
            z[t] = (sum - mean[t]) / Math.sqrt(variance[t] + 1e-5) + beta[t];
            max = Math.max(max, z[t]);
        }
        double total = 0;
        for (int t = 0; t < k; t++) {
            z[t] = Math.exp(z[t] - max);
            total += z[t];
        }
        for (int t = 0; t < k; t++) {
            z[t] /= total;
        }
        return z;
    }

    private static float[] randomArray(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
