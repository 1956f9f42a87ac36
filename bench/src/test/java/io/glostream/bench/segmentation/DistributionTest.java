package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void quantilesInterpolateBetweenTheClosestRanks() {
        Distribution d = Distribution.of(new double[] {5, 1, 4, 2, 3, 10});

        assertEquals(6, d.count());
        assertEquals(25.0 / 6.0, d.mean(), 1e-12);
        assertEquals(1.5, d.p10(), 1e-12); // rank 0.5 between 1 and 2, as numpy.percentile
        assertEquals(3.5, d.median(), 1e-12); // mean of the two middle values
    }

    @Test
    void oneValueIsEveryQuantile() {
        Distribution d = Distribution.of(new double[] {0.25});

        assertEquals(0.25, d.mean());
        assertEquals(0.25, d.p10());
        assertEquals(0.25, d.median());
    }

    @Test
    void leavesItsInputUnsorted() {
        double[] values = {3, 1, 2};
        Distribution.of(values);

        assertEquals(3, values[0]);
    }

    @Test
    void refusesNoValuesAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> Distribution.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Distribution.of(new double[] {1, Double.NaN}));
    }
}
