package io.glostream.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AppTimeSplitTest {

    private static final double[] UPPER = {1, 2, 4, 8, Double.POSITIVE_INFINITY};

    @Test
    void quantilesCountOnlyWhatTheWindowRecorded() {
        // before the window: 100 values at or under 1 ms; in it: 10 at 2 ms, 80 at 4 ms, 10 at 8 ms
        AppTimeSplit.Buckets before = buckets(100, 100, 100, 100, 100);
        AppTimeSplit.Buckets after = buckets(100, 110, 190, 200, 200);

        assertEquals(2.0, AppTimeSplit.quantile(before, after, 0.1));
        assertEquals(4.0, AppTimeSplit.quantile(before, after, 0.5));
        assertEquals(4.0, AppTimeSplit.quantile(before, after, 0.9));
        assertEquals(8.0, AppTimeSplit.quantile(before, after, 0.99));
    }

    @Test
    void aQuantileAboveTheLastBoundReadsAsThatBound() {
        AppTimeSplit.Buckets before = buckets(0, 0, 0, 0, 0);
        AppTimeSplit.Buckets after = buckets(1, 1, 1, 1, 3);

        assertEquals(8.0, AppTimeSplit.quantile(before, after, 0.5));
    }

    @Test
    void anEmptyWindowHasNoQuantile() {
        AppTimeSplit.Buckets same = buckets(5, 5, 5, 5, 5);

        assertEquals(-1.0, AppTimeSplit.quantile(same, same, 0.5));
    }

    private static AppTimeSplit.Buckets buckets(double... cumulative) {
        return new AppTimeSplit.Buckets((long) cumulative[cumulative.length - 1], 0, UPPER, cumulative);
    }
}
