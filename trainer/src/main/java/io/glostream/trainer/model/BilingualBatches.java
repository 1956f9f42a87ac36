package io.glostream.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One epoch's batches, as the authors' BilingualTextDataset makes them: a random permutation of positions
 * i in [0, max(N1, N2)) cut into batches; position i stands for language 1's document i mod N1 and language
 * 2's document i mod N2, so the smaller corpus is cycled. A last batch of a single position is merged into
 * the one before it, because batch norm cannot train on one document; every position is still seen once.
 */
final class BilingualBatches {

    private BilingualBatches() {
    }

    /** The positions of each batch, in order. */
    static List<int[]> plan(int size1, int size2, int batchSize, Random random) {
        if (size1 < 1 || size2 < 1) {
            throw new IllegalArgumentException("corpus sizes must be positive, got " + size1 + " and " + size2);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be at least 2, got " + batchSize);
        }
        int positions = Math.max(size1, size2);
        if (positions < 2) {
            throw new IllegalArgumentException("need at least 2 positions for batch norm, got " + positions);
        }
        int[] order = permutation(positions, random);
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        while (start < positions) {
            int end = Math.min(start + batchSize, positions);
            if (positions - end == 1) {
                end = positions;
            }
            int[] batch = new int[end - start];
            System.arraycopy(order, start, batch, 0, batch.length);
            batches.add(batch);
            start = end;
        }
        return batches;
    }

    /** The documents of one language for a batch's positions. */
    static int[] documents(int[] positions, int corpusSize) {
        int[] docs = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            docs[i] = positions[i] % corpusSize;
        }
        return docs;
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
