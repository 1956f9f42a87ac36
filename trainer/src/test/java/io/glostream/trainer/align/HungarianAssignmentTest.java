package io.glostream.trainer.align;

import static io.glostream.trainer.align.HungarianAssignment.UNASSIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianAssignmentTest {

    @Test
    void squareTextbookCaseFindsTheCheapestPermutation() {
        // Both rows 0 and 1 are cheapest in column 1; the unique optimum is 1 + 2 + 2 = 5.
        double[][] cost = {
                {4, 1, 3},
                {2, 0, 5},
                {3, 2, 2}};
        assertArrayEquals(new int[] {1, 0, 2}, HungarianAssignment.minimiseCost(cost));
    }

    @Test
    void allEqualSquareMatrixGivesTheIdentity() {
        assertArrayEquals(new int[] {0, 1, 2}, HungarianAssignment.minimiseCost(filled(3, 3, 7)));
    }

    @Test
    void allEqualWideMatrixUsesTheFirstColumns() {
        assertArrayEquals(new int[] {0, 1}, HungarianAssignment.minimiseCost(filled(2, 4, 1)));
    }

    @Test
    void allEqualTallMatrixLeavesTheLastRowsUnassigned() {
        assertArrayEquals(new int[] {0, 1, UNASSIGNED, UNASSIGNED}, HungarianAssignment.minimiseCost(filled(4, 2, 1)));
    }

    @Test
    void amongEquallyCheapAssignmentsTheFirstRowTakesItsSmallestColumn() {
        // Optimal total 2 twice: {0->1, 1->0} and {0->2, 1->0}; {0->0, 1->1} costs 4.
        double[][] cost = {
                {2, 1, 1},
                {1, 2, 2}};
        assertArrayEquals(new int[] {1, 0}, HungarianAssignment.minimiseCost(cost));
    }

    @Test
    void aTieThatNeedsALaterRowToMoveIsStillBrokenTowardsLowIndices() {
        // Two assignments cost 0: {0->0, 1->1, 2->2} and {0->1, 1->2, 2->0}; the first is lexicographically smaller.
        double[][] cost = {
                {0, 0, 9},
                {9, 0, 0},
                {0, 9, 0}};
        assertArrayEquals(new int[] {0, 1, 2}, HungarianAssignment.minimiseCost(cost));
    }

    @Test
    void aTallMatrixLeavesUnassignedTheRowsThatWouldCostMost() {
        double[][] cost = {
                {1, 1},
                {0, 5},
                {5, 0}};
        assertArrayEquals(new int[] {UNASSIGNED, 0, 1}, HungarianAssignment.minimiseCost(cost));
    }

    @Test
    void maximisingSimilarityPicksTheLargestTotal() {
        double[][] similarity = {
                {0.1, 0.9},
                {0.8, 0.7}};
        assertArrayEquals(new int[] {1, 0}, HungarianAssignment.maximiseSimilarity(similarity));
    }

    @Test
    void emptyMatricesAssignNothing() {
        assertArrayEquals(new int[0], HungarianAssignment.minimiseCost(new double[0][0]));
        assertArrayEquals(new int[] {UNASSIGNED, UNASSIGNED}, HungarianAssignment.minimiseCost(new double[2][0]));
    }

    @Test
    void raggedRowsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> HungarianAssignment.minimiseCost(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void nonFiniteEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> HungarianAssignment.minimiseCost(new double[][] {{1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class,
                () -> HungarianAssignment.maximiseSimilarity(new double[][] {{Double.POSITIVE_INFINITY}}));
    }

    @Test
    void randomRealMatricesUpToSevenBySevenMatchBruteForce() {
        Random random = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(7);
            int m = 1 + random.nextInt(7);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextGaussian() * 10;
                }
            }
            assertArrayEquals(BruteForce.minimiseCost(cost), HungarianAssignment.minimiseCost(cost),
                    "trial " + trial + ", " + n + " x " + m);
        }
    }

    @Test
    void randomSmallIntegerMatricesFullOfTiesMatchBruteForceExactly() {
        Random random = new Random(12);
        for (int trial = 0; trial < 1500; trial++) {
            int n = 1 + random.nextInt(7);
            int m = 1 + random.nextInt(7);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(4);
                }
            }
            assertArrayEquals(BruteForce.minimiseCost(cost), HungarianAssignment.minimiseCost(cost),
                    "trial " + trial + ", " + n + " x " + m);
        }
    }

    @Test
    void randomSimilaritiesWithTiesMatchBruteForceOnTheNegatedMatrix() {
        Random random = new Random(13);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(6);
            int m = 1 + random.nextInt(6);
            double[][] similarity = new double[n][m];
            double[][] cost = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    similarity[i][j] = random.nextInt(3) / 4.0;
                    cost[i][j] = -similarity[i][j];
                }
            }
            assertArrayEquals(BruteForce.minimiseCost(cost), HungarianAssignment.maximiseSimilarity(similarity),
                    "trial " + trial);
        }
    }

    private static double[][] filled(int n, int m, double value) {
        double[][] matrix = new double[n][m];
        for (double[] row : matrix) {
            java.util.Arrays.fill(row, value);
        }
        return matrix;
    }

    /**
     * Every injection of the smaller side into the larger, in lexicographic order of the smaller side's partners;
     * the first of least total cost wins, which is the documented tie rule.
     */
    private static final class BruteForce {
        private final double[][] cost;
        private final int[] partner;
        private final boolean[] taken;
        private int[] best;
        private double bestCost = Double.POSITIVE_INFINITY;

        private BruteForce(double[][] cost) {
            this.cost = cost;
            this.partner = new int[cost.length];
            this.taken = new boolean[cost.length == 0 ? 0 : cost[0].length];
        }

        static int[] minimiseCost(double[][] cost) {
            int n = cost.length;
            int m = cost[0].length;
            if (n <= m) {
                BruteForce search = new BruteForce(cost);
                search.extend(0, 0);
                return search.best;
            }
            double[][] transposed = new double[m][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    transposed[j][i] = cost[i][j];
                }
            }
            BruteForce search = new BruteForce(transposed);
            search.extend(0, 0);
            int[] columnOfRow = new int[n];
            java.util.Arrays.fill(columnOfRow, UNASSIGNED);
            for (int j = 0; j < m; j++) {
                columnOfRow[search.best[j]] = j;
            }
            return columnOfRow;
        }

        private void extend(int row, double sofar) {
            if (row == cost.length) {
                if (sofar < bestCost) {
                    bestCost = sofar;
                    best = partner.clone();
                }
                return;
            }
            for (int j = 0; j < taken.length; j++) {
                if (!taken[j]) {
                    taken[j] = true;
                    partner[row] = j;
                    extend(row + 1, sofar + cost[row][j]);
                    taken[j] = false;
                }
            }
        }
    }
}
