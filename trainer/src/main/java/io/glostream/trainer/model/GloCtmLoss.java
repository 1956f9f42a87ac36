package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The loss terms of GloCTM as pure functions of NDArrays. Per-document terms return {@code [n]}; callers
 * take the batch mean. Inputs are {@code [n x d]} with one row per document.
 */
public final class GloCtmLoss {

    /** Added to the reconstructed probabilities inside the log, so an impossible word costs ~23 nats, not infinity. */
    public static final float LOG_EPS = 1e-10f;
    /**
     * Added under the square root of CKA's denominator so a batch with no spread gives CKA 0 with finite
     * gradients; far below any real HSIC product, and above float32's smallest normal number.
     */
    static final double CKA_GUARD = 1e-30;

    private GloCtmLoss() {
    }

    /** Multinomial reconstruction loss -sum_v target_v log(recon_v + 1e-10) per document. */
    public static NDArray reconstruction(NDArray reconstructed, NDArray target) {
        checkSameShape(reconstructed, target);
        NDArray logProbability = reconstructed.add(OwnedArrays.scalarLike(reconstructed, LOG_EPS)).log();
        return target.mul(logProbability).sum(new int[] {1}).neg();
    }

    /**
     * KL(N(mu, diag(exp(logvar))) || prior) per document:
     * 0.5 (sum var/var2 + sum (mu - mu2)^2/var2 - K + sum log var2 - sum logvar).
     */
    public static NDArray priorKl(NDArray mean, NDArray logVariance, LogisticNormalPrior prior) {
        checkSameShape(mean, logVariance);
        int k = prior.topics();
        if (mean.getShape().get(1) != k) {
            throw new IllegalArgumentException("posterior has " + mean.getShape().get(1) + " topics, prior " + k);
        }
        NDManager m = mean.getManager();
        NDArray priorMean = OwnedArrays.copyOf(m, toFloats(prior.mean()), new Shape(k));
        NDArray priorVar = OwnedArrays.copyOf(m, toFloats(prior.variance()), new Shape(k));
        NDArray diff = mean.sub(priorMean);
        NDArray perTopic = logVariance.exp().div(priorVar)
                .add(diff.mul(diff).div(priorVar))
                .add(priorVar.log())
                .sub(logVariance);
        return perTopic.sum(new int[] {1})
                .sub(OwnedArrays.scalarLike(perTopic, k))
                .mul(OwnedArrays.scalarLike(perTopic, 0.5));
    }

    /**
     * KL(q || p) between diagonal Gaussians per document:
     * 0.5 sum (var_q/var_p + (mu_q - mu_p)^2/var_p - 1 + logvar_p - logvar_q).
     */
    public static NDArray gaussianKl(NDArray meanQ, NDArray logVarQ, NDArray meanP, NDArray logVarP) {
        checkSameShape(meanQ, logVarQ);
        checkSameShape(meanQ, meanP);
        checkSameShape(meanQ, logVarP);
        NDArray varP = logVarP.exp();
        NDArray diff = meanQ.sub(meanP);
        return logVarQ.exp().div(varP)
                .add(diff.mul(diff).div(varP))
                .sub(OwnedArrays.scalarLike(meanQ, 1))
                .add(logVarP)
                .sub(logVarQ)
                .sum(new int[] {1})
                .mul(OwnedArrays.scalarLike(meanQ, 0.5));
    }

    /**
     * Linear HSIC, tr(K H L H) / (n-1)^2 with K = X X^T, L = Y Y^T and H = I - 11^T/n, computed as the equal
     * ||Xc^T Yc||_F^2 / (n-1)^2 over column-centred X and Y (an n x n Gram matrix is never formed), in the
     * inputs' type. No cast to float64: DJL's {@code toType} runs under PyTorch's no-grad guard, so a cast here
     * would cut the CKA term off from the gradient (it did until this was found: the term was in the loss
     * value but trained nothing).
     */
    public static NDArray hsic(NDArray x, NDArray y) {
        checkRows(x, y);
        long n = x.getShape().get(0);
        NDArray cross = centred(x).transpose().matMul(centred(y));
        return cross.mul(cross).sum().div(OwnedArrays.scalarLike(cross, (double) (n - 1) * (n - 1)));
    }

    /**
     * Linear CKA(X, Y) = HSIC(X, Y) / sqrt(HSIC(X, X) HSIC(Y, Y)) (Kornblith et al. 2019) between two
     * representations of the same n documents, of any widths. A scalar in [0, 1], differentiable in both.
     */
    public static NDArray linearCka(NDArray x, NDArray y) {
        checkRows(x, y);
        NDArray spread = hsic(x, x).mul(hsic(y, y));
        return hsic(x, y).div(spread.add(OwnedArrays.scalarLike(spread, CKA_GUARD)).sqrt());
    }

    private static NDArray centred(NDArray a) {
        return a.sub(a.mean(new int[] {0}, true));
    }

    private static void checkRows(NDArray x, NDArray y) {
        if (x.getShape().dimension() != 2 || y.getShape().dimension() != 2) {
            throw new IllegalArgumentException("need two matrices, got " + x.getShape() + " and " + y.getShape());
        }
        if (x.getShape().get(0) != y.getShape().get(0)) {
            throw new IllegalArgumentException("need the same documents in both, got " + x.getShape().get(0)
                    + " and " + y.getShape().get(0) + " rows");
        }
        if (x.getDataType() != y.getDataType()) {
            throw new IllegalArgumentException("need one element type in both, got " + x.getDataType() + " and "
                    + y.getDataType());
        }
        if (x.getShape().get(0) < 2) {
            throw new IllegalArgumentException("need at least 2 documents, got " + x.getShape().get(0));
        }
    }

    private static void checkSameShape(NDArray a, NDArray b) {
        if (!a.getShape().equals(b.getShape()) || a.getShape().dimension() != 2) {
            throw new IllegalArgumentException("need two [n x d] arrays of one shape, got " + a.getShape() + " and "
                    + b.getShape());
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
