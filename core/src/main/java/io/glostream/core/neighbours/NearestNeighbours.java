package io.glostream.core.neighbours;

import java.util.Arrays;

/**
 * The result of a top-k search: for every query row, the same number {@link #k()} of key indices,
 * best first (descending similarity, ties by lower key index), with their similarities.
 */
public final class NearestNeighbours {

    private final int queries;
    private final int k;
    private final int[] indices;
    private final float[] similarities;

    NearestNeighbours(int queries, int k, int[] indices, float[] similarities) {
        this.queries = queries;
        this.k = k;
        this.indices = indices;
        this.similarities = similarities;
    }

    /** Number of query rows. */
    public int queries() {
        return queries;
    }

    /** Neighbours per query: the requested k, or fewer when there were not that many keys. */
    public int k() {
        return k;
    }

    /** The key indices of a query's neighbours, best first. */
    public int[] indices(int query) {
        checkQuery(query);
        return Arrays.copyOfRange(indices, query * k, (query + 1) * k);
    }

    /** The similarities of a query's neighbours, aligned with {@link #indices(int)}. */
    public float[] similarities(int query) {
        checkQuery(query);
        return Arrays.copyOfRange(similarities, query * k, (query + 1) * k);
    }

    private void checkQuery(int query) {
        if (query < 0 || query >= queries) {
            throw new IndexOutOfBoundsException("query " + query + " outside [0, " + queries + ")");
        }
    }
}
