package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NpmiTest {

    private static final double EPS = 1e-12;

    @Test
    void pairAlwaysTogetherButNotEverywhereScoresOne() {
        // c1 = c2 = c12 = 1 of 4 windows: log10(4) / -log10(1/4) = 1
        assertEquals(1.0, Npmi.of(1, 1, 1, 4), EPS);
    }

    @Test
    void independentPairScoresZero() {
        // p1 = p2 = 1/2, p12 = 1/4 = p1 p2: log10(1) = 0
        assertEquals(0.0, Npmi.of(2, 2, 1, 4), EPS);
    }

    @Test
    void pairRarerThanChanceScoresNegative() {
        // log10(1 * 4 / (3 * 2)) / -log10(1/4) = log10(2/3) / log10(4) = (1 - log2 3) / 2
        assertEquals((1 - Math.log(3) / Math.log(2)) / 2, Npmi.of(3, 2, 1, 4), EPS);
    }

    @Test
    void zeroCountsScoreZero() {
        assertEquals(0.0, Npmi.of(0, 2, 0, 4));
        assertEquals(0.0, Npmi.of(2, 0, 0, 4));
        assertEquals(0.0, Npmi.of(2, 2, 0, 4));
    }

    @Test
    void pairInEveryWindowFailsAsTheOfficialScriptDoes() {
        assertThrows(ArithmeticException.class, () -> Npmi.of(4, 4, 4, 4));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Npmi.of(1, 1, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> Npmi.of(1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Npmi.of(-1, 1, 1, 4));
    }
}
