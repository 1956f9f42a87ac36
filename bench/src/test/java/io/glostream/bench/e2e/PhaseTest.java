package io.glostream.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    void theTimelineSlicesTheAppendLatenciesBySendTime() {
        Phase phase = new Phase(0, 5, 0);
        long[] sent = {1_000, 1_400, 2_100, 2_900, 4_200};
        long[] latency = {20, 30, 500, 40, 60};
        for (int doc = 0; doc < sent.length; doc++) {
            phase.sent(doc, sent[doc]);
        }
        for (int doc = sent.length - 1; doc >= 0; doc--) {
            if (doc != 1) {
                phase.tagged(doc, sent[doc] + latency[doc], sent[doc] + latency[doc] + 5);
            }
        }
        phase.tagged(0, 9_000, 9_100);

        // Slices of 1 s from the first send (1,000): [0, 1) holds document 0 (document 1 never came back),
        // [1, 2) documents 2 and 3, [2, 3) nothing, [3, 4) document 4; the duplicate of document 0 counts nowhere.
        assertEquals(List.of(
                new Phase.LatencySlice(0.0, 1, 20, 20),
                new Phase.LatencySlice(1.0, 2, 500, 500),
                new Phase.LatencySlice(2.0, 0, 0, 0),
                new Phase.LatencySlice(3.0, 1, 60, 60)), phase.timeline(1_000));
        assertThrows(IllegalArgumentException.class, () -> phase.timeline(0));

        // The slices count from the first send even when that document never comes back.
        Phase lost = new Phase(0, 2, 0);
        lost.sent(0, 500);
        lost.sent(1, 1_600);
        lost.tagged(1, 1_650, 1_700);
        assertEquals(List.of(new Phase.LatencySlice(0.0, 0, 0, 0), new Phase.LatencySlice(1.0, 1, 50, 50)),
                lost.timeline(1_000));
    }

    @Test
    void leavesTheUnmeasuredDocumentsOutOfTheLatenciesButWaitsForThem() throws Exception {
        Phase phase = new Phase(0, 3, 0, 2);
        for (int doc = 0; doc < 3; doc++) {
            phase.sent(doc, 1_000 + doc * 100);
            phase.inputAppended(doc, 1_001 + doc * 100);
        }
        phase.tagged(0, 1_900, 2_000);
        phase.tagged(1, 1_800, 1_900);
        assertFalse(phase.await(1));
        phase.tagged(2, 1_250, 1_300);
        assertTrue(phase.await(1));

        assertEquals(3, phase.tagged());
        assertEquals(1, phase.measuredDocuments());
        assertEquals(1, phase.appendLatency().getTotalCount());
        assertEquals(50, phase.appendLatency().getMaxValue());
        assertEquals(100, phase.visibleLatency().getMaxValue());
        assertEquals(1, phase.ingestLatency().getTotalCount());
        assertEquals(1, phase.appLatency().getTotalCount());
        assertEquals(900, phase.timeline(10_000).get(0).maxMs(), "the timeline keeps the settling documents");
        assertThrows(IllegalArgumentException.class, () -> new Phase(0, 3, 0, 3));
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
