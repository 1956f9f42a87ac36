package io.glostream.core.neighbours;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CosineNeighbourSearchTest {

    /** Float sums of up to 300 products of unit-vector coordinates stay well within this of double. */
    private static final double TOLERANCE = 1e-5;

    // Sizes straddle the internal blocks: 32 queries per task, 4 per group, and key tiles of
    // 256 keys (208 at 300 dimensions), none of which divides these counts.
    @ParameterizedTest(name = "{0} queries × {1} keys, {2}-d, k = {3}, {4} threads")
    @CsvSource({
        "1, 1, 3, 1, 1",
        "7, 13, 5, 4, 1",
        "70, 450, 300, 9, 3",
        "101, 601, 19, 12, 3",
        "45, 300, 33, 6, 1",
    })
    void searchMatchesDoublePrecisionBruteForce(int queries, int keys, int dim, int k, int threads) {
        Random random = new Random(31L * queries + keys);
        EmbeddingMatrix q = RandomEmbeddings.withZerosAndDuplicates(random, queries, dim);
        EmbeddingMatrix e = RandomEmbeddings.withZerosAndDuplicates(random, keys, dim);
        NearestNeighbours found = new CosineNeighbourSearch(threads).search(q, e, k);
        assertMatchesBruteForce(q, e, k, false, found);
    }

    @ParameterizedTest(name = "{0} words, {1}-d, k = {2}, {3} threads")
    @CsvSource({
        "2, 4, 1, 1",
        "9, 6, 3, 3",
        "130, 300, 7, 3",
        "333, 17, 10, 1",
        "333, 17, 10, 3",
    })
    void searchWithinMatchesBruteForceWithoutTheWordItself(int words, int dim, int k, int threads) {
        EmbeddingMatrix e = RandomEmbeddings.withZerosAndDuplicates(new Random(words * 7L + dim), words, dim);
        NearestNeighbours found = new CosineNeighbourSearch(threads).searchWithin(e, k);
        assertMatchesBruteForce(e, e, k, true, found);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        EmbeddingMatrix e = RandomEmbeddings.withZerosAndDuplicates(new Random(5), 257, 23);
        NearestNeighbours one = new CosineNeighbourSearch(1).searchWithin(e, 8);
        NearestNeighbours three = new CosineNeighbourSearch(3).searchWithin(e, 8);
        for (int q = 0; q < e.rows(); q++) {
            assertArrayEquals(one.indices(q), three.indices(q));
            assertArrayEquals(one.similarities(q), three.similarities(q));
        }
    }

    @Test
    void identicalKeysTieAndTheLowerIndexComesFirst() {
        // Keys 1, 3 and 4 are the same vector, 2 is parallel to it at twice the length, so all four
        // have cosine 1 with the query; key 0 is orthogonal.
        float[] v = {1, 2, -1};
        EmbeddingMatrix keys = EmbeddingMatrix.ofRows(
                new float[] {2, -1, 0}, v, new float[] {2, 4, -2}, v, v);
        NearestNeighbours found = new CosineNeighbourSearch(1).search(EmbeddingMatrix.ofRows(v), keys, 5);
        assertArrayEquals(new int[] {1, 2, 3, 4, 0}, found.indices(0));
        float[] sims = found.similarities(0);
        assertEquals(sims[0], sims[2]);
        assertEquals(sims[0], sims[3]);
        assertEquals(1f, sims[0], 1e-6f);
        assertEquals(0f, sims[4], 1e-6f);
    }

    @Test
    void identicalKeysTieAcrossTilesAndThreads() {
        // 600 keys span three tiles; copies of the query at 5, 300 and 599 sit in different tiles
        // and lanes, yet must get bit-identical similarities and come out in index order.
        Random random = new Random(11);
        float[] query = RandomEmbeddings.gaussianRow(random, 40);
        float[] rows = new float[600 * 40];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextGaussian();
        }
        for (int copy : new int[] {599, 5, 300}) {
            System.arraycopy(query, 0, rows, copy * 40, 40);
        }
        EmbeddingMatrix keys = EmbeddingMatrix.of(600, 40, rows);
        float[] queries = new float[90 * 40];
        for (int q = 0; q < 90; q++) {
            System.arraycopy(query, 0, queries, q * 40, 40);
        }
        NearestNeighbours found = new CosineNeighbourSearch(3).search(EmbeddingMatrix.of(90, 40, queries), keys, 3);
        for (int q = 0; q < 90; q++) {
            assertArrayEquals(new int[] {5, 300, 599}, found.indices(q), "query " + q);
            float[] sims = found.similarities(q);
            assertEquals(sims[0], sims[1]);
            assertEquals(sims[0], sims[2]);
        }
    }

    @Test
    void zeroVectorsHaveSimilarityZeroWithEverything() {
        // Key 1 is zero; the query's cosine is +0.8 with key 0, -0.8 with key 2 and 0 with key 1.
        EmbeddingMatrix keys = EmbeddingMatrix.ofRows(
                new float[] {3, 4}, new float[] {0, 0}, new float[] {-3, -4});
        NearestNeighbours found = new CosineNeighbourSearch(1).search(EmbeddingMatrix.ofRows(new float[] {0, 1}), keys, 3);
        assertArrayEquals(new int[] {0, 1, 2}, found.indices(0));
        assertArrayEquals(new float[] {0.8f, 0f, -0.8f}, found.similarities(0), 1e-6f);
    }

    @Test
    void aZeroQueryRanksAllKeysEquallyByIndex() {
        EmbeddingMatrix words = EmbeddingMatrix.ofRows(
                new float[] {1, 0}, new float[] {0, 0}, new float[] {0, 1}, new float[] {-1, -1});
        NearestNeighbours found = new CosineNeighbourSearch(1).searchWithin(words, 2);
        assertArrayEquals(new int[] {0, 2}, found.indices(1));
        assertArrayEquals(new float[] {0, 0}, found.similarities(1), 0f);
    }

    @Test
    void kBeyondTheKeysReturnsEveryKeyRanked() {
        // Cosines with the query (1, 0): key 0 (1, 1) → 0.707, key 1 (-1, 0) → -1, key 2 (2, 0) → 1.
        EmbeddingMatrix keys = EmbeddingMatrix.ofRows(new float[] {1, 1}, new float[] {-1, 0}, new float[] {2, 0});
        NearestNeighbours found = new CosineNeighbourSearch(1).search(EmbeddingMatrix.ofRows(new float[] {1, 0}), keys, 10);
        assertEquals(3, found.k());
        assertArrayEquals(new int[] {2, 0, 1}, found.indices(0));
        assertArrayEquals(new float[] {1f, (float) Math.sqrt(0.5), -1f}, found.similarities(0), 1e-6f);
    }

    @Test
    void kBeyondTheOtherWordsReturnsAllOfThem() {
        EmbeddingMatrix words = RandomEmbeddings.withZerosAndDuplicates(new Random(3), 4, 5);
        NearestNeighbours found = new CosineNeighbourSearch(2).searchWithin(words, 10);
        assertEquals(3, found.k());
        for (int w = 0; w < 4; w++) {
            int self = w;
            int[] sorted = found.indices(w).clone();
            Arrays.sort(sorted);
            assertArrayEquals(IntStream.range(0, 4).filter(i -> i != self).toArray(), sorted);
        }
    }

    @Test
    void aSingleWordHasNoNeighboursWithin() {
        NearestNeighbours found = new CosineNeighbourSearch(1).searchWithin(EmbeddingMatrix.ofRows(new float[] {1, 2}), 3);
        assertEquals(0, found.k());
        assertEquals(1, found.queries());
        assertEquals(0, found.indices(0).length);
    }

    @Test
    void refusesInvalidArguments() {
        EmbeddingMatrix twoD = EmbeddingMatrix.ofRows(new float[] {1, 2});
        EmbeddingMatrix threeD = EmbeddingMatrix.ofRows(new float[] {1, 2, 3});
        CosineNeighbourSearch search = new CosineNeighbourSearch(1);
        assertThrows(IllegalArgumentException.class, () -> search.search(twoD, threeD, 1));
        assertThrows(IllegalArgumentException.class, () -> search.search(twoD, twoD, 0));
        assertThrows(IllegalArgumentException.class, () -> search.searchWithin(twoD, -1));
        assertThrows(IllegalArgumentException.class, () -> new CosineNeighbourSearch(0));
    }

    /**
     * Checks a result against cosines computed in double: the similarity at every rank matches the
     * true ranking's, every reported similarity is its key's true cosine, keys are distinct and in
     * range (never the query itself when excluded), exact ties are in index order, and wherever the
     * true ranking has no near-tie the key is exactly the true one.
     */
    private static void assertMatchesBruteForce(EmbeddingMatrix queries, EmbeddingMatrix keys, int k,
            boolean excludeSelf, NearestNeighbours found) {
        int expectedK = Math.min(k, keys.rows() - (excludeSelf ? 1 : 0));
        assertEquals(expectedK, found.k());
        assertEquals(queries.rows(), found.queries());
        for (int q = 0; q < queries.rows(); q++) {
            BruteForceRanking truth = new BruteForceRanking(queries.row(q), keys, excludeSelf ? q : -1);
            int[] indices = found.indices(q);
            float[] sims = found.similarities(q);
            assertEquals(expectedK, indices.length);
            Set<Integer> seen = new HashSet<>();
            for (int r = 0; r < expectedK; r++) {
                String where = "query " + q + " rank " + r;
                assertTrue(indices[r] >= 0 && indices[r] < keys.rows(), where);
                assertTrue(seen.add(indices[r]), where + ": key " + indices[r] + " twice");
                if (excludeSelf) {
                    assertNotEquals(q, indices[r], where);
                }
                assertEquals(truth.cosineAt(r), sims[r], TOLERANCE, where + ": similarity at this rank");
                assertEquals(truth.cosine(indices[r]), sims[r], TOLERANCE, where + ": similarity of key " + indices[r]);
                if (r > 0) {
                    assertTrue(sims[r] < sims[r - 1] || (sims[r] == sims[r - 1] && indices[r] > indices[r - 1]),
                            where + ": out of order");
                }
                if (truth.isClearOfNeighbours(r, 10 * TOLERANCE)) {
                    assertEquals(truth.keyAt(r), indices[r], where);
                }
            }
        }
    }
}
