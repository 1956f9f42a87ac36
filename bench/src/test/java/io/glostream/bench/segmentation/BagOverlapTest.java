package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.features.SparseCounts;
import org.junit.jupiter.api.Test;

class BagOverlapTest {

    // a = {0: 2, 1: 1, 3: 1}, b = {0: 1, 1: 2, 4: 1}
    private static final SparseCounts A = SparseCounts.countOccurrences(5, new int[] {3, 0, 1, 0}, 4);
    private static final SparseCounts B = SparseCounts.countOccurrences(5, new int[] {4, 1, 0, 1}, 4);

    @Test
    void sharedCountIsTheSizeOfTheMultisetIntersection() {
        assertEquals(2, BagOverlap.sharedCount(A, B)); // min(2, 1) + min(1, 2)
        assertEquals(4, BagOverlap.sharedCount(A, A));
    }

    @Test
    void cosineOfCountVectors() {
        assertEquals(4.0 / 6.0, BagOverlap.cosine(A, B), 1e-12); // (2 + 2) / (sqrt 6 * sqrt 6)
        assertEquals(1.0, BagOverlap.cosine(A, A), 1e-12);
    }

    @Test
    void anEmptyBagSharesNothing() {
        SparseCounts empty = SparseCounts.empty(5);

        assertEquals(0, BagOverlap.sharedCount(A, empty));
        assertEquals(0.0, BagOverlap.cosine(A, empty));
        assertEquals(0.0, BagOverlap.cosine(empty, empty));
    }

    @Test
    void refusesBagsOverDifferentVocabularies() {
        SparseCounts other = SparseCounts.empty(6);

        assertThrows(IllegalArgumentException.class, () -> BagOverlap.sharedCount(A, other));
        assertThrows(IllegalArgumentException.class, () -> BagOverlap.cosine(A, other));
    }
}
