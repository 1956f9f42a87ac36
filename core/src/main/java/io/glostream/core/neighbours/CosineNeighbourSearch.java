package io.glostream.core.neighbours;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact top-k cosine similarity search of every query row against every key row, by brute force.
 *
 * <p>The work is tiled so that a tile of keys stays in cache while a block of query rows passes over
 * it, and blocks of query rows run in parallel on a fixed number of threads. Keys are stored
 * transposed inside each tile, one small array per coordinate, so the inner loop updates one
 * accumulator per key from a single query coordinate: a loop without a floating-point reduction
 * whose arrays are indexed alike, which is what the JIT needs to vectorise it. Every similarity is
 * summed over the coordinates in the same order whatever tile, lane or thread computes it, so
 * identical keys get bit-identical similarities and results do not depend on the thread count.
 *
 * <p>Results are sorted by descending similarity, ties broken by the lower key index. Zero rows have
 * similarity 0 with everything.
 */
public final class CosineNeighbourSearch {

    /** Floats per key tile (256 KB): small enough to stay in L2 while a block of queries passes. */
    private static final int TILE_FLOATS = 1 << 16;
    /** Bounds on keys per tile: wide rows amortise loop overhead, lanes come in multiples of 16. */
    private static final int MIN_TILE_WIDTH = 16;
    private static final int MAX_TILE_WIDTH = 256;
    /** Query rows per parallel task: enough to reuse each key tile, few enough to balance threads. */
    private static final int QUERY_BLOCK = 32;
    /** Query rows that share one pass over a tile, so every key value loaded feeds four sums. */
    private static final int QUERY_GROUP = 4;

    private final int threads;

    /** A search using one thread per available processor. */
    public CosineNeighbourSearch() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A search using at most {@code threads} threads. */
    public CosineNeighbourSearch(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * The {@code k} keys most cosine-similar to each query row; all keys, ranked, when there are
     * fewer than {@code k}.
     *
     * @throws IllegalArgumentException if {@code k} is not positive or the dimensions differ
     */
    public NearestNeighbours search(EmbeddingMatrix queries, EmbeddingMatrix keys, int k) {
        return run(queries, keys, k, false);
    }

    /**
     * The {@code k} rows most cosine-similar to each row of {@code words}, never the row itself:
     * intra-lingual neighbours. A word with fewer than {@code k} other rows gets all of them.
     *
     * @throws IllegalArgumentException if {@code k} is not positive
     */
    public NearestNeighbours searchWithin(EmbeddingMatrix words, int k) {
        return run(words, words, k, true);
    }

    private NearestNeighbours run(EmbeddingMatrix queries, EmbeddingMatrix keys, int k, boolean excludeSelf) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        if (queries.dimension() != keys.dimension()) {
            throw new IllegalArgumentException("query dimension " + queries.dimension()
                    + " differs from key dimension " + keys.dimension());
        }
        int kept = Math.min(k, keys.rows() - (excludeSelf ? 1 : 0));
        int[] indices = new int[Math.multiplyExact(queries.rows(), kept)];
        float[] similarities = new float[indices.length];
        if (kept > 0) {
            EmbeddingMatrix unitQueries = queries.l2Normalised();
            EmbeddingMatrix unitKeys = keys == queries ? unitQueries : keys.l2Normalised();
            Job job = new Job(unitQueries, unitKeys, kept, excludeSelf, indices, similarities);
            runBlocks(job, queries.rows());
        }
        return new NearestNeighbours(queries.rows(), kept, indices, similarities);
    }

    private void runBlocks(Job job, int queryRows) {
        int blocks = (queryRows + QUERY_BLOCK - 1) / QUERY_BLOCK;
        int workers = Math.min(threads, blocks);
        if (workers == 1) {
            for (int from = 0; from < queryRows; from += QUERY_BLOCK) {
                job.block(from, Math.min(from + QUERY_BLOCK, queryRows));
            }
            return;
        }
        List<Callable<Void>> tasks = new ArrayList<>(blocks);
        for (int from = 0; from < queryRows; from += QUERY_BLOCK) {
            int start = from;
            int end = Math.min(from + QUERY_BLOCK, queryRows);
            tasks.add(() -> {
                job.block(start, end);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, new SearchThreads());
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("neighbour search interrupted");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("neighbour search failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One search: normalised inputs, keys packed into transposed tiles, and the shared output. */
    private static final class Job {
        private final float[] queries;
        private final int dimension;
        private final int keyCount;
        private final int tileWidth;
        /** Row {@code t * dimension + d} holds coordinate d of the keys of tile t, zero-padded. */
        private final float[][] tileRows;
        private final int kept;
        private final boolean excludeSelf;
        private final int[] outIndices;
        private final float[] outSimilarities;

        Job(EmbeddingMatrix queries, EmbeddingMatrix keys, int kept, boolean excludeSelf,
                int[] outIndices, float[] outSimilarities) {
            this.queries = queries.rowMajorValues();
            this.dimension = keys.dimension();
            this.keyCount = keys.rows();
            int width = TILE_FLOATS / dimension / MIN_TILE_WIDTH * MIN_TILE_WIDTH;
            this.tileWidth = Math.max(MIN_TILE_WIDTH, Math.min(MAX_TILE_WIDTH, width));
            this.tileRows = packTransposedTiles(keys.rowMajorValues());
            this.kept = kept;
            this.excludeSelf = excludeSelf;
            this.outIndices = outIndices;
            this.outSimilarities = outSimilarities;
        }

        private float[][] packTransposedTiles(float[] rowMajor) {
            int tiles = (keyCount + tileWidth - 1) / tileWidth;
            float[][] rows = new float[Math.multiplyExact(tiles, dimension)][tileWidth];
            for (int key = 0; key < keyCount; key++) {
                int firstRow = key / tileWidth * dimension;
                int lane = key % tileWidth;
                for (int d = 0; d < dimension; d++) {
                    rows[firstRow + d][lane] = rowMajor[key * dimension + d];
                }
            }
            return rows;
        }

        /** Finds the neighbours of query rows {@code [from, to)} and writes them to the output. */
        void block(int from, int to) {
            BestKeys[] best = new BestKeys[to - from];
            for (int i = 0; i < best.length; i++) {
                best[i] = new BestKeys(kept);
            }
            float[][] sums = new float[QUERY_GROUP][tileWidth];
            int last = to - 1;
            for (int firstKey = 0, firstRow = 0; firstKey < keyCount; firstKey += tileWidth, firstRow += dimension) {
                int width = Math.min(tileWidth, keyCount - firstKey);
                for (int group = from; group < to; group += QUERY_GROUP) {
                    // A short last group repeats its last row rather than running a second kernel.
                    dotProducts(firstRow, group, Math.min(group + 1, last), Math.min(group + 2, last),
                            Math.min(group + 3, last), sums);
                    for (int g = 0; g < QUERY_GROUP && group + g < to; g++) {
                        int query = group + g;
                        BestKeys bestOfQuery = best[query - from];
                        float[] tileSums = sums[g];
                        for (int lane = 0; lane < width; lane++) {
                            int key = firstKey + lane;
                            if (!(excludeSelf && key == query)) {
                                bestOfQuery.offer(tileSums[lane], key);
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < best.length; i++) {
                best[i].drainBestFirst(outIndices, outSimilarities, (from + i) * kept);
            }
        }

        /** Dot products of four query rows with every key of the tile whose rows start at {@code firstRow}. */
        private void dotProducts(int firstRow, int r0, int r1, int r2, int r3, float[][] sums) {
            float[] s0 = sums[0];
            float[] s1 = sums[1];
            float[] s2 = sums[2];
            float[] s3 = sums[3];
            Arrays.fill(s0, 0f);
            Arrays.fill(s1, 0f);
            Arrays.fill(s2, 0f);
            Arrays.fill(s3, 0f);
            float[] q = queries;
            int o0 = r0 * dimension;
            int o1 = r1 * dimension;
            int o2 = r2 * dimension;
            int o3 = r3 * dimension;
            int width = tileWidth;
            for (int d = 0; d < dimension; d++) {
                float x0 = q[o0 + d];
                float x1 = q[o1 + d];
                float x2 = q[o2 + d];
                float x3 = q[o3 + d];
                float[] keys = tileRows[firstRow + d];
                for (int lane = 0; lane < width; lane++) {
                    float key = keys[lane];
                    s0[lane] += x0 * key;
                    s1[lane] += x1 * key;
                    s2[lane] += x2 * key;
                    s3[lane] += x3 * key;
                }
            }
        }
    }

    /** A bounded heap of the best keys seen for one query, with the worst of them at the root. */
    private static final class BestKeys {
        private final float[] similarities;
        private final int[] keys;
        private int size;

        BestKeys(int capacity) {
            similarities = new float[capacity];
            keys = new int[capacity];
        }

        void offer(float similarity, int key) {
            if (size < keys.length) {
                similarities[size] = similarity;
                keys[size] = key;
                siftUp(size++);
            } else if (isWorse(similarities[0], keys[0], similarity, key)) {
                similarities[0] = similarity;
                keys[0] = key;
                siftDown(0);
            }
        }

        /** Empties the heap into {@code out*[offset, offset + size)}, best first. */
        void drainBestFirst(int[] outKeys, float[] outSimilarities, int offset) {
            while (size > 0) {
                outKeys[offset + size - 1] = keys[0];
                outSimilarities[offset + size - 1] = similarities[0];
                size--;
                similarities[0] = similarities[size];
                keys[0] = keys[size];
                siftDown(0);
            }
        }

        /** Lower similarity is worse; at equal similarity the higher key index is worse. */
        private static boolean isWorse(float simA, int keyA, float simB, int keyB) {
            return simA < simB || (simA == simB && keyA > keyB);
        }

        private boolean isWorse(int a, int b) {
            return isWorse(similarities[a], keys[a], similarities[b], keys[b]);
        }

        private void siftUp(int node) {
            while (node > 0) {
                int parent = (node - 1) / 2;
                if (!isWorse(node, parent)) {
                    return;
                }
                swap(node, parent);
                node = parent;
            }
        }

        private void siftDown(int node) {
            while (true) {
                int worst = node;
                int left = 2 * node + 1;
                int right = left + 1;
                if (left < size && isWorse(left, worst)) {
                    worst = left;
                }
                if (right < size && isWorse(right, worst)) {
                    worst = right;
                }
                if (worst == node) {
                    return;
                }
                swap(node, worst);
                node = worst;
            }
        }

        private void swap(int a, int b) {
            float similarity = similarities[a];
            similarities[a] = similarities[b];
            similarities[b] = similarity;
            int key = keys[a];
            keys[a] = keys[b];
            keys[b] = key;
        }
    }

    private static final class SearchThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "cosine-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
