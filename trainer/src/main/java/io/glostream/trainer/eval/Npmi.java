package io.glostream.trainer.eval;

/**
 * Normalised pointwise mutual information of a word pair from window counts, computed as the official
 * CNPMI script ({@code BobXWu/CNPMI}, {@code CNPMI.py}, {@code calc_assoc}) computes it:
 * <pre>
 *   NPMI(w1, w2) = log10( c12 * W / (c1 * c2) ) / -log10( c12 / W )
 * </pre>
 * with {@code W} windows, {@code c1}, {@code c2} the counts of each word and {@code c12} the windows that
 * hold both. The score is 0 when any of {@code c1, c2, c12} is 0.
 *
 * <p>When the pair shares every window ({@code c12 = W}) the denominator is 0: the official script stops
 * with {@code ZeroDivisionError} there, and so does this one, with an {@link ArithmeticException}. Any
 * number put in its place would make the mean incomparable with published scores.
 */
public final class Npmi {

    private static final double LN_10 = Math.log(10);

    private Npmi() {
    }

    /**
     * The NPMI of a pair.
     *
     * @throws ArithmeticException if the pair co-occurs in every window
     */
    public static double of(double c1, double c2, double c12, double windows) {
        if (!(windows > 0)) {
            throw new IllegalArgumentException("windows must be positive, got " + windows);
        }
        if (c1 < 0 || c2 < 0 || c12 < 0 || c12 > windows) {
            throw new IllegalArgumentException("counts must be non-negative with c12 <= windows, got c1=" + c1
                    + " c2=" + c2 + " c12=" + c12 + " windows=" + windows);
        }
        if (c1 == 0 || c2 == 0 || c12 == 0) {
            return 0.0;
        }
        if (c12 == windows) {
            throw new ArithmeticException("NPMI undefined: the pair co-occurs in all " + (long) windows
                    + " windows, so -log p(w1,w2) = 0 (the official CNPMI script fails with ZeroDivisionError here)");
        }
        // Python's math.log(x, 10) is ln(x) / ln(10); dividing the same way keeps the last bits equal.
        double pmi = Math.log((c12 * windows) / (c1 * c2)) / LN_10;
        return pmi / (-1.0 * (Math.log(c12 / windows) / LN_10));
    }
}
