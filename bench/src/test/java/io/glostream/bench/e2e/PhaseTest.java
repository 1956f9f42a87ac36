package io.glostream.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void countsDistinctResultsAndCompletesAtTheExpectedCount() throws Exception {
        Phase phase = new Phase(10, 3, 1);
        phase.sent(10, 1_000);
        phase.sent(11, 1_010);
        phase.sent(12, 1_020);
        phase.tagged(10, 1_100, 1_200);
        phase.tagged(10, 1_150, 1_250);
        phase.deadLetter(0, 7, 1_300);
        phase.deadLetter(0, 7, 1_350);
        assertFalse(phase.await(1));
        phase.tagged(11, 1_400, 1_500);
        phase.tagged(12, 1_500, 1_600);
        assertTrue(phase.await(1));

        assertEquals(4, phase.results());
        assertEquals(3, phase.tagged());
        assertEquals(1, phase.deadLetters());
        assertEquals(2, phase.duplicates());
        // First append 1,100, last 1,500: three results after the first in 0.4 s.
        assertEquals(400, phase.appendSpanMillis());
        assertEquals(7.5, phase.resultsPerSecond(), 1e-9);
        // Append latencies 100, 390, 480 ms; the duplicate's is not counted.
        assertEquals(3, phase.appendLatency().getTotalCount());
        assertEquals(100, phase.appendLatency().getMinValue());
        assertEquals(480, phase.appendLatency().getMaxValue(), 1);
        assertEquals(580, phase.visibleLatency().getMaxValue(), 1);
    }

    @Test
    void splitsLatencyAtTheInputsAppendTime() {
        Phase phase = new Phase(0, 3, 0);
        phase.sent(0, 1_000);
        phase.sent(1, 1_000);
        phase.sent(2, 1_000);
        phase.inputAppended(0, 1_005);
        phase.inputAppended(1, 1_080);
        // document 2's acknowledgement never came before its result: it counts in the total only
        phase.tagged(0, 1_100, 1_200);
        phase.tagged(1, 1_300, 1_400);
        phase.tagged(2, 1_500, 1_600);

        assertEquals(3, phase.appendLatency().getTotalCount());
        assertEquals(2, phase.ingestLatency().getTotalCount());
        assertEquals(5, phase.ingestLatency().getMinValue());
        assertEquals(80, phase.ingestLatency().getMaxValue());
        assertEquals(95, phase.appLatency().getMinValue());
        assertEquals(220, phase.appLatency().getMaxValue());
    }

    @Test
    void holdsOnlyItsOwnIndices() {
        Phase phase = new Phase(100, 50, 0);
        assertTrue(phase.holds(100));
        assertTrue(phase.holds(149));
        assertFalse(phase.holds(99));
        assertFalse(phase.holds(150));
    }
}
