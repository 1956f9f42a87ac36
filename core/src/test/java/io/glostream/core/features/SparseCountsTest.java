package io.glostream.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparseCountsTest {

    @Test
    void countsRepeatedIndicesAndSortsThem() {
        SparseCounts c = SparseCounts.countOccurrences(6, new int[] {4, 1, 4, 0, 4, 1, 99}, 6);
        assertEquals(3, c.nnz());
        assertArrayEquals(new float[] {1, 2, 0, 0, 3, 0}, c.toDense());
        assertEquals(6.0, c.total());
        assertEquals(3f, c.get(4));
        assertEquals(0f, c.get(5));
    }

    @Test
    void leavesTheCallersArrayUntouched() {
        int[] occurrences = {3, 1, 2};
        SparseCounts.countOccurrences(4, occurrences, 3);
        assertArrayEquals(new int[] {3, 1, 2}, occurrences);
    }

    @Test
    void noOccurrencesGiveTheEmptyVector() {
        assertEquals(SparseCounts.empty(3), SparseCounts.countOccurrences(3, new int[0], 0));
        assertEquals(0, SparseCounts.empty(3).nnz());
    }

    @Test
    void refusesIndicesOutsideTheDimension() {
        assertThrows(IllegalArgumentException.class, () -> SparseCounts.countOccurrences(3, new int[] {3}, 1));
        assertThrows(IllegalArgumentException.class, () -> SparseCounts.countOccurrences(3, new int[] {-1}, 1));
    }

    @Test
    void denseRoundTripKeepsOnlyNonZeros() {
        float[] dense = {0, 2.5f, 0, 1};
        SparseCounts c = SparseCounts.fromDense(dense);
        assertEquals(2, c.nnz());
        assertEquals(1, c.indexAt(0));
        assertArrayEquals(dense, c.toDense());
    }

    @Test
    void refusesNegativeAndNonFiniteCounts() {
        assertThrows(IllegalArgumentException.class, () -> SparseCounts.fromDense(new float[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> SparseCounts.fromDense(new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> SparseCounts.fromDense(new float[] {Float.POSITIVE_INFINITY}));
    }

    @Test
    void scattersAtAnOffsetForTheJointLayout() {
        float[] joint = new float[5];
        SparseCounts.countOccurrences(2, new int[] {1, 1}, 2).scatterInto(joint, 3);
        assertArrayEquals(new float[] {0, 0, 0, 0, 2}, joint);
    }
}
