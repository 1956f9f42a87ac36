package io.glostream.core.neighbours;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The reference for neighbour searches: every key's cosine with one query computed in double
 * precision, and the keys ranked by descending cosine, ties by lower index.
 */
final class BruteForceRanking {

    private final double[] cosines;
    private final int[] ranked;

    /** Ranks all keys, leaving out {@code excludedKey} (-1 for none). */
    BruteForceRanking(float[] query, EmbeddingMatrix keys, int excludedKey) {
        cosines = new double[keys.rows()];
        for (int key = 0; key < keys.rows(); key++) {
            cosines[key] = cosine(query, keys.row(key));
        }
        ranked = IntStream.range(0, keys.rows())
                .filter(key -> key != excludedKey)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(key -> -cosines[key]).thenComparingInt(key -> key))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    double cosine(int key) {
        return cosines[key];
    }

    /** Number of keys ranked. */
    int size() {
        return ranked.length;
    }

    /** The key at {@code rank}, 0 being the most similar. */
    int keyAt(int rank) {
        return ranked[rank];
    }

    double cosineAt(int rank) {
        return cosines[ranked[rank]];
    }

    /** Whether the cosine at {@code rank} is further than {@code gap} from both ranks beside it. */
    boolean isClearOfNeighbours(int rank, double gap) {
        boolean clearAbove = rank == 0 || cosineAt(rank - 1) - cosineAt(rank) > gap;
        boolean clearBelow = rank + 1 >= ranked.length || cosineAt(rank) - cosineAt(rank + 1) > gap;
        return clearAbove && clearBelow;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
