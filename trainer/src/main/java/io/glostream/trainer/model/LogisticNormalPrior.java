package io.glostream.trainer.model;

import java.util.Arrays;

/**
 * The diagonal logistic-normal prior that approximates a Dirichlet through the Laplace approximation in the
 * softmax basis (Srivastava and Sutton 2017): mu_k = log a_k - mean(log a), var_k = (1/a_k)(1 - 2/K)
 * + (1/K^2) sum_j 1/a_j.
 *
 * @param mean the prior mean per topic
 * @param variance the prior variance per topic
 */
public record LogisticNormalPrior(double[] mean, double[] variance) {

    public LogisticNormalPrior {
        if (mean.length == 0 || mean.length != variance.length) {
            throw new IllegalArgumentException("need equal, non-empty mean and variance, got " + mean.length + " and "
                    + variance.length);
        }
        mean = mean.clone();
        variance = variance.clone();
    }

    /** The approximation of a symmetric Dirichlet(alpha) over {@code topics} topics. */
    public static LogisticNormalPrior dirichlet(int topics, double alpha) {
        if (topics < 2) {
            throw new IllegalArgumentException("need at least 2 topics, got " + topics);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be positive, got " + alpha);
        }
        double[] a = new double[topics];
        Arrays.fill(a, alpha);
        double meanLog = Arrays.stream(a).map(Math::log).average().orElseThrow();
        double sumInverse = Arrays.stream(a).map(x -> 1.0 / x).sum();
        double[] mean = new double[topics];
        double[] variance = new double[topics];
        for (int k = 0; k < topics; k++) {
            mean[k] = Math.log(a[k]) - meanLog;
            variance[k] = (1.0 / a[k]) * (1.0 - 2.0 / topics) + sumInverse / ((double) topics * topics);
        }
        return new LogisticNormalPrior(mean, variance);
    }

    public int topics() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }
}
