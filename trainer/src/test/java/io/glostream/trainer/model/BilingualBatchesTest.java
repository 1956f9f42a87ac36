package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BilingualBatchesTest {

    @Test
    void everyPositionOfTheLargerCorpusAppearsOnceAnEpoch() {
        List<int[]> batches = BilingualBatches.plan(70, 300, 128, new Random(1));

        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expected = new int[300];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, all);
        assertEquals(List.of(128, 128, 44), batches.stream().map(b -> b.length).collect(Collectors.toList()));
    }

    @Test
    void theSmallerCorpusIsCycledByPositionModuloItsSize() {
        assertArrayEquals(new int[] {0, 69, 0, 1, 2}, BilingualBatches.documents(new int[] {0, 69, 70, 141, 212}, 70));
    }

    @Test
    void aLastBatchOfOneDocumentJoinsThePreviousBatch() {
        List<int[]> batches = BilingualBatches.plan(129, 10, 128, new Random(2));

        assertEquals(1, batches.size());
        assertEquals(129, batches.get(0).length);
    }

    @Test
    void aLastBatchOfTwoDocumentsStaysOnItsOwn() {
        List<int[]> batches = BilingualBatches.plan(130, 10, 128, new Random(2));

        assertEquals(List.of(128, 2), batches.stream().map(b -> b.length).collect(Collectors.toList()));
    }

    @Test
    void theOrderIsAFunctionOfTheRandomSeed() {
        int[] a = BilingualBatches.plan(50, 50, 50, new Random(9)).get(0);
        int[] b = BilingualBatches.plan(50, 50, 50, new Random(9)).get(0);
        int[] c = BilingualBatches.plan(50, 50, 50, new Random(10)).get(0);

        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    }

    @Test
    void refusesCorporaTooSmallForBatchNorm() {
        assertThrows(IllegalArgumentException.class, () -> BilingualBatches.plan(1, 1, 128, new Random(0)));
        assertThrows(IllegalArgumentException.class, () -> BilingualBatches.plan(0, 5, 128, new Random(0)));
    }
}
