package io.glostream.core.neighbours;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddingMatrixTest {

    @Test
    void rowsAreReadRowMajor() {
        EmbeddingMatrix m = EmbeddingMatrix.of(2, 3, new float[] {1, 2, 3, 4, 5, 6});
        assertEquals(2, m.rows());
        assertEquals(3, m.dimension());
        assertArrayEquals(new float[] {4, 5, 6}, m.row(1));
        assertEquals(3f, m.get(0, 2));
    }

    @Test
    void copiesItsInputSoLaterChangesDoNotLeakIn() {
        float[] values = {1, 2};
        EmbeddingMatrix m = EmbeddingMatrix.of(1, 2, values);
        values[0] = 99;
        m.row(0)[1] = 99;
        assertArrayEquals(new float[] {1, 2}, m.row(0));
    }

    @Test
    void buildsFromRowsOfEqualLength() {
        EmbeddingMatrix m = EmbeddingMatrix.ofRows(new float[] {1, 2}, new float[] {3, 4});
        assertArrayEquals(new float[] {3, 4}, m.row(1));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingMatrix.ofRows(new float[] {1, 2}, new float[] {3}));
    }

    @Test
    void refusesNonFiniteValuesNamingTheCell() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddingMatrix.of(2, 2, new float[] {0, 0, 0, Float.NaN}));
        assertTrue(e.getMessage().contains("row 1, column 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingMatrix.of(1, 1, new float[] {Float.NEGATIVE_INFINITY}));
    }

    @Test
    void refusesSizesThatDoNotMatchTheValues() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddingMatrix.of(2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> EmbeddingMatrix.of(0, 2, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> EmbeddingMatrix.ofRows());
    }

    @Test
    void refusesRowsOutsideTheMatrix() {
        EmbeddingMatrix m = EmbeddingMatrix.of(1, 1, new float[] {1});
        assertThrows(IndexOutOfBoundsException.class, () -> m.row(1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.row(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 1));
    }

    @Test
    void normalisingScalesEachRowToUnitLength() {
        // Row 0: (3, 4) has length 5, so (0.6, 0.8). Row 1: (0, -2) has length 2, so (0, -1).
        EmbeddingMatrix m = EmbeddingMatrix.of(2, 2, new float[] {3, 4, 0, -2}).l2Normalised();
        assertArrayEquals(new float[] {0.6f, 0.8f}, m.row(0), 1e-7f);
        assertArrayEquals(new float[] {0f, -1f}, m.row(1), 0f);
    }

    @Test
    void normalisingLeavesZeroRowsZero() {
        EmbeddingMatrix m = EmbeddingMatrix.of(2, 2, new float[] {0, 0, 1, 1}).l2Normalised();
        assertArrayEquals(new float[] {0, 0}, m.row(0), 0f);
    }

    @Test
    void normalisingHugeValuesDoesNotOverflow() {
        // 3e38² overflows a float, and the norm of (3e38, 3.4e38), about 4.5e38, is beyond
        // Float.MAX_VALUE; the unit row is representable all the same.
        EmbeddingMatrix m = EmbeddingMatrix.of(1, 2, new float[] {3e38f, 3.4e38f}).l2Normalised();
        double norm = Math.hypot(3e38, 3.4e38);
        assertArrayEquals(new float[] {(float) (3e38 / norm), (float) (3.4e38 / norm)}, m.row(0), 1e-7f);
    }

    @Test
    void normalisingLeavesTheOriginalUntouched() {
        EmbeddingMatrix m = EmbeddingMatrix.of(1, 2, new float[] {3, 4});
        m.l2Normalised();
        assertArrayEquals(new float[] {3, 4}, m.row(0));
    }
}
