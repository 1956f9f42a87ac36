package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.glostream.core.features.SparseCounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DenseRowStagingTest {

    private static final List<SparseCounts> DOCS = List.of(
            SparseCounts.fromDense(new float[] {1, 0, 2, 0}),
            SparseCounts.fromDense(new float[] {0, 3, 0, 0}),
            SparseCounts.fromDense(new float[] {0, 0, 0, 5}),
            SparseCounts.empty(4));

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = Engine.getEngine(GloCtmModel.ENGINE).newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void stagesTheChosenDocumentsAsDenseRowsInOrder() {
        DenseRowStaging staging = new DenseRowStaging(4, 3);

        try (NDArray dense = staging.stage(manager, DOCS, new int[] {2, 0, 2}, 3)) {
            assertEquals(new Shape(3, 4), dense.getShape());
            assertArrayEquals(new float[] {0, 0, 0, 5, 1, 0, 2, 0, 0, 0, 0, 5}, dense.toFloatArray(), 0f);
        }
    }

    @Test
    void reuseLeavesNoCountsOfThePreviousBatchBehind() {
        DenseRowStaging staging = new DenseRowStaging(4, 3);
        staging.stage(manager, DOCS, new int[] {0, 1, 2}, 3).close();

        try (NDArray dense = staging.stage(manager, DOCS, new int[] {3, 1}, 2)) {
            assertArrayEquals(new float[] {0, 0, 0, 0, 0, 3, 0, 0}, dense.toFloatArray(), 0f);
        }
    }

    @Test
    void holdsAFullBatchOfAnOddDimension() {
        List<SparseCounts> odd = List.of(SparseCounts.fromDense(new float[] {0, 0, 0, 0, 7}));
        DenseRowStaging staging = new DenseRowStaging(5, 3);

        try (NDArray dense = staging.stage(manager, odd, new int[] {0, 0, 0}, 3)) {
            assertEquals(7f, dense.getFloat(2, 4));
        }
    }

    @Test
    void refusesDocumentsOfAnotherDimensionAndTooManyRows() {
        DenseRowStaging staging = new DenseRowStaging(4, 2);
        List<SparseCounts> wrong = List.of(SparseCounts.empty(5));

        assertThrows(IllegalArgumentException.class, () -> staging.stage(manager, wrong, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> staging.stage(manager, DOCS, new int[] {0, 1, 2}, 3));
    }
}
