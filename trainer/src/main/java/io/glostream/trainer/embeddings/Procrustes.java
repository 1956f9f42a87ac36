package io.glostream.trainer.embeddings;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Orthogonal Procrustes: the rotation W minimising ||X W - Y||_F over orthogonal W, for paired rows of
 * a source space X and a target space Y (Schönemann 1966): W = U V^T where U S V^T = svd(X^T Y).
 * Used to bring one language's word vectors into another's space from dictionary pairs.
 */
public final class Procrustes {

    private final int dimension;
    private final double[] rotation;

    private Procrustes(int dimension, double[] rotation) {
        this.dimension = dimension;
        this.rotation = rotation;
    }

    /**
     * Fits the rotation from {@code pairs} paired rows, both row-major {@code pairs x dimension}.
     */
    public static Procrustes fit(float[] source, float[] target, int pairs, int dimension) {
        if (pairs < 1 || source.length != pairs * dimension || target.length != pairs * dimension) {
            throw new IllegalArgumentException("need pairs x dimension matrices, got " + source.length + " and "
                    + target.length + " values for " + pairs + " x " + dimension);
        }
        DMatrixRMaj xty = new DMatrixRMaj(dimension, dimension);
        double[] acc = xty.data;
        for (int p = 0; p < pairs; p++) {
            int off = p * dimension;
            for (int i = 0; i < dimension; i++) {
                double xi = source[off + i];
                if (xi == 0) {
                    continue;
                }
                int row = i * dimension;
                for (int j = 0; j < dimension; j++) {
                    acc[row + j] += xi * target[off + j];
                }
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(dimension, dimension, true, true, false);
        if (!svd.decompose(xty)) {
            throw new IllegalStateException("SVD of the cross-covariance did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj w = new DMatrixRMaj(dimension, dimension);
        CommonOps_DDRM.mult(u, vt, w);
        return new Procrustes(dimension, w.data);
    }

    /** Maps row-major {@code rows x dimension} source vectors into the target space. */
    public float[] apply(float[] vectors) {
        if (vectors.length % dimension != 0) {
            throw new IllegalArgumentException(vectors.length + " values are not rows of " + dimension);
        }
        int rows = vectors.length / dimension;
        float[] out = new float[vectors.length];
        double[] row = new double[dimension];
        for (int r = 0; r < rows; r++) {
            Arrays.fill(row, 0);
            int off = r * dimension;
            for (int i = 0; i < dimension; i++) {
                double xi = vectors[off + i];
                if (xi == 0) {
                    continue;
                }
                int wr = i * dimension;
                for (int j = 0; j < dimension; j++) {
                    row[j] += xi * rotation[wr + j];
                }
            }
            for (int j = 0; j < dimension; j++) {
                out[off + j] = (float) row[j];
            }
        }
        return out;
    }

    /** The rotation, row-major {@code dimension x dimension}. */
    public double[] rotation() {
        return rotation.clone();
    }

    public int dimension() {
        return dimension;
    }
}
