package io.glostream.bench.segmentation;

import io.glostream.core.features.SparseCounts;

/** How much two bags of words over the same vocabulary have in common. */
public final class BagOverlap {

    private BagOverlap() {
    }

    /** Size of the multiset intersection: the sum over words of the smaller of the two counts. */
    public static long sharedCount(SparseCounts a, SparseCounts b) {
        checkSameDimension(a, b);
        long shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.nnz() && j < b.nnz()) {
            int ia = a.indexAt(i);
            int ib = b.indexAt(j);
            if (ia == ib) {
                shared += (long) Math.min(a.valueAt(i), b.valueAt(j));
                i++;
                j++;
            } else if (ia < ib) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Cosine of the two count vectors; 0 when either is all zero. */
    public static double cosine(SparseCounts a, SparseCounts b) {
        checkSameDimension(a, b);
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < a.nnz() && j < b.nnz()) {
            int ia = a.indexAt(i);
            int ib = b.indexAt(j);
            if (ia == ib) {
                dot += (double) a.valueAt(i) * b.valueAt(j);
                i++;
                j++;
            } else if (ia < ib) {
                i++;
            } else {
                j++;
            }
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(SparseCounts v) {
        double sum = 0;
        for (int i = 0; i < v.nnz(); i++) {
            sum += (double) v.valueAt(i) * v.valueAt(i);
        }
        return Math.sqrt(sum);
    }

    private static void checkSameDimension(SparseCounts a, SparseCounts b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("bags over different vocabularies: dimension " + a.dimension()
                    + " vs " + b.dimension());
        }
    }
}
