package io.glostream.trainer.align;

import java.util.Arrays;

/**
 * Exact minimum-cost assignment on a rectangular {@code n x m} matrix (Kuhn-Munkres with potentials, in the
 * shortest-augmenting-path form of Jonker and Volgenant), {@code O(min^2 * max)} time.
 *
 * <p>Every index of the smaller side is assigned to a distinct index of the larger side; the rest of the larger
 * side stays unassigned. Ties are broken deterministically: among all optimal assignments the result is the one
 * whose sequence of partners of the smaller side (the rows when {@code n <= m}, else the columns) is
 * lexicographically smallest. Entries closer than {@code 1e-9} times the largest absolute entry count as equal,
 * so that rounding in the potentials cannot hide a tie.
 */
public final class HungarianAssignment {

    /** The partner of an index that stays unassigned. */
    public static final int UNASSIGNED = -1;

    private static final double RELATIVE_TIE_TOLERANCE = 1e-9;

    private HungarianAssignment() {
    }

    /**
     * The assignment of least total cost.
     *
     * @param cost {@code n x m}, every row of the same length, finite entries
     * @return for each row its column, or {@link #UNASSIGNED} (only when {@code n > m})
     */
    public static int[] minimiseCost(double[][] cost) {
        int m = checkMatrix(cost);
        int n = cost.length;
        if (n == 0 || m == 0) {
            return unassigned(n);
        }
        if (n <= m) {
            return new Solver(cost).columnOfRow();
        }
        double[][] transposed = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                transposed[j][i] = cost[i][j];
            }
        }
        int[] rowOfColumn = new Solver(transposed).columnOfRow();
        int[] columnOfRow = unassigned(n);
        for (int j = 0; j < m; j++) {
            columnOfRow[rowOfColumn[j]] = j;
        }
        return columnOfRow;
    }

    /**
     * The assignment of greatest total similarity, with the same tie rule as {@link #minimiseCost}.
     *
     * @param similarity {@code n x m}, every row of the same length, finite entries
     * @return for each row its column, or {@link #UNASSIGNED} (only when {@code n > m})
     */
    public static int[] maximiseSimilarity(double[][] similarity) {
        checkMatrix(similarity);
        double[][] cost = new double[similarity.length][];
        for (int i = 0; i < similarity.length; i++) {
            cost[i] = new double[similarity[i].length];
            for (int j = 0; j < cost[i].length; j++) {
                cost[i][j] = -similarity[i][j];
            }
        }
        return minimiseCost(cost);
    }

    private static int checkMatrix(double[][] matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("matrix is null");
        }
        if (matrix.length == 0) {
            return 0;
        }
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i] == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            if (matrix[i].length != matrix[0].length) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + matrix[i].length + " entries, row 0 has " + matrix[0].length);
            }
            for (int j = 0; j < matrix[i].length; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") is " + matrix[i][j]);
                }
            }
        }
        return matrix[0].length;
    }

    private static int[] unassigned(int n) {
        int[] none = new int[n];
        Arrays.fill(none, UNASSIGNED);
        return none;
    }

    /** One solve of an {@code n x m} problem with {@code n <= m}. */
    private static final class Solver {
        private final double[][] cost;
        private final int n;
        private final int m;
        private final double tolerance;
        /** Dual potentials: {@code cost[i][j] - u[i] - v[j] >= 0}, zero on assigned pairs; {@code v[j] <= 0}. */
        private final double[] u;
        private final double[] v;
        private final int[] columnOfRow;
        private final int[] rowOfColumn;

        Solver(double[][] cost) {
            this.cost = cost;
            this.n = cost.length;
            this.m = cost[0].length;
            double largest = 0;
            for (double[] row : cost) {
                for (double c : row) {
                    largest = Math.max(largest, Math.abs(c));
                }
            }
            this.tolerance = RELATIVE_TIE_TOLERANCE * largest;
            this.u = new double[n];
            this.v = new double[m];
            this.columnOfRow = unassigned(n);
            this.rowOfColumn = unassigned(m);
        }

        int[] columnOfRow() {
            solve();
            for (int i = 0; i < n; i++) {
                moveToSmallestEquallyGoodColumn(i);
            }
            return columnOfRow.clone();
        }

        /**
         * Adds the rows one at a time, each along a shortest augmenting path over reduced costs (Dijkstra),
         * shifting the potentials so that reduced costs stay non-negative and those of assigned pairs zero.
         * Arrays here are 1-based with a virtual column 0 that holds the row being added. Only columns already
         * assigned have their potential lowered, so a column left unassigned keeps {@code v = 0}.
         */
        private void solve() {
            double[] rowPotential = new double[n + 1];
            double[] columnPotential = new double[m + 1];
            int[] owner = new int[m + 1];
            int[] way = new int[m + 1];
            double[] slack = new double[m + 1];
            boolean[] used = new boolean[m + 1];
            for (int row = 1; row <= n; row++) {
                owner[0] = row;
                int column = 0;
                Arrays.fill(slack, Double.POSITIVE_INFINITY);
                Arrays.fill(used, false);
                do {
                    used[column] = true;
                    int reachedRow = owner[column];
                    double delta = Double.POSITIVE_INFINITY;
                    int nextColumn = 0;
                    for (int j = 1; j <= m; j++) {
                        if (used[j]) {
                            continue;
                        }
                        double reduced = cost[reachedRow - 1][j - 1] - rowPotential[reachedRow] - columnPotential[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            way[j] = column;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            nextColumn = j;
                        }
                    }
                    for (int j = 0; j <= m; j++) {
                        if (used[j]) {
                            rowPotential[owner[j]] += delta;
                            columnPotential[j] -= delta;
                        } else {
                            slack[j] -= delta;
                        }
                    }
                    column = nextColumn;
                } while (owner[column] != 0);
                do {
                    int previous = way[column];
                    owner[column] = owner[previous];
                    column = previous;
                } while (column != 0);
            }
            for (int i = 0; i < n; i++) {
                u[i] = rowPotential[i + 1];
            }
            for (int j = 0; j < m; j++) {
                v[j] = columnPotential[j + 1];
                if (owner[j + 1] != 0) {
                    rowOfColumn[j] = owner[j + 1] - 1;
                    columnOfRow[owner[j + 1] - 1] = j;
                }
            }
        }

        /**
         * Moves row {@code row} to the smallest column it can take without raising the total cost or moving a row
         * before it. By complementary slackness the optimal assignments are exactly those that use only tight
         * pairs (zero reduced cost) and leave unassigned only columns with {@code v = 0}. Think of the problem
         * padded to square with zero-cost dummy rows holding the unassigned columns (dummy potential 0: tight to
         * every column with {@code v = 0}); then every other optimal assignment differs from this one by
         * alternating cycles. A search backwards from the row's column finds every column from which such a
         * cycle leads back to it through rows after this one; the row takes the smallest of those it is tight
         * to, and the cycle is applied.
         */
        private void moveToSmallestEquallyGoodColumn(int row) {
            int home = columnOfRow[row];
            int[] next = new int[m];
            boolean[] good = new boolean[m];
            int[] queue = new int[m];
            int head = 0;
            int tail = 0;
            good[home] = true;
            queue[tail++] = home;
            boolean freeColumnsQueued = false;
            while (head < tail) {
                int reached = queue[head++];
                if (!freeColumnsQueued && leavable(reached)) {
                    freeColumnsQueued = true;
                    for (int j = 0; j < m; j++) {
                        if (rowOfColumn[j] == UNASSIGNED && !good[j]) {
                            good[j] = true;
                            next[j] = reached;
                            queue[tail++] = j;
                        }
                    }
                }
                for (int later = row + 1; later < n; later++) {
                    int held = columnOfRow[later];
                    if (!good[held] && tight(later, reached)) {
                        good[held] = true;
                        next[held] = reached;
                        queue[tail++] = held;
                    }
                }
            }
            for (int candidate = 0; candidate < home; candidate++) {
                if (good[candidate] && tight(row, candidate)) {
                    applyCycle(row, candidate, home, next);
                    return;
                }
            }
        }

        /** Follows the cycle that gives {@code row} the column {@code taken}, closing at its old column. */
        private void applyCycle(int row, int taken, int home, int[] next) {
            int moving = row;
            int column = taken;
            while (true) {
                int previousOwner = column == home ? row : rowOfColumn[column];
                columnOfRow[moving] = column;
                rowOfColumn[column] = moving;
                if (column == home) {
                    return;
                }
                if (previousOwner != UNASSIGNED) {
                    moving = previousOwner;
                    column = next[column];
                    continue;
                }
                // A dummy row held this column: it moves to next[column], whose holder moves on.
                int freed = next[column];
                if (freed == home) {
                    rowOfColumn[home] = UNASSIGNED;
                    return;
                }
                moving = rowOfColumn[freed];
                rowOfColumn[freed] = UNASSIGNED;
                column = next[freed];
            }
        }

        private boolean tight(int row, int column) {
            return cost[row][column] - u[row] - v[column] <= tolerance;
        }

        /** Whether an optimal assignment may leave the column unassigned. */
        private boolean leavable(int column) {
            return v[column] >= -tolerance;
        }
    }
}
