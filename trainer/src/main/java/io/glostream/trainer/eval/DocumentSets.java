package io.glostream.trainer.eval;

import java.util.BitSet;

/**
 * Sets of document ids as bit words, so the co-occurrence count of two words is an AND and a popcount
 * over {@code documents / 64} longs instead of a scan of the corpus.
 */
final class DocumentSets {

    private DocumentSets() {
    }

    static long[] freeze(BitSet documents) {
        return documents.toLongArray();
    }

    /** Number of documents in both sets. */
    static long intersectionSize(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        long count = 0;
        for (int i = 0; i < n; i++) {
            count += Long.bitCount(a[i] & b[i]);
        }
        return count;
    }

    static long size(long[] documents) {
        long count = 0;
        for (long word : documents) {
            count += Long.bitCount(word);
        }
        return count;
    }
}
