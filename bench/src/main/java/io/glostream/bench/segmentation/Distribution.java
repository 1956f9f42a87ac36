package io.glostream.bench.segmentation;

import java.util.Arrays;

/**
 * Mean and quantiles of per-document values. Quantiles interpolate linearly between the closest ranks
 * (numpy's default), so the median of an even count is the mean of the two middle values.
 */
public record Distribution(int count, double mean, double p10, double median) {

    /** The distribution of {@code values}, which must be finite and at least one. */
    public static Distribution of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a distribution needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite, got " + v);
            }
            sum += v;
        }
        return new Distribution(sorted.length, sum / sorted.length, quantile(sorted, 0.1), quantile(sorted, 0.5));
    }

    private static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
