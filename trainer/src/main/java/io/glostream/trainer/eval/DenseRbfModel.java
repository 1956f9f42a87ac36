package io.glostream.trainer.eval;

import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;

/**
 * A trained LIBSVM RBF classifier copied into contiguous arrays, predicting as {@code svm.svm_predict}
 * does, term for term: kernel {@code exp(-gamma * sum_j (x_j - sv_j)^2)} summed in feature order,
 * one-vs-one decision values {@code sum coef * k - rho} summed in LIBSVM's order, a vote to the first
 * class of a pair when its value is positive, and the first class with the most votes. LIBSVM walks
 * arrays of node objects per support vector; the flat copy predicts the same labels about four times
 * faster on theta-sized rows.
 */
final class DenseRbfModel {

    private final int dimension;
    private final double gamma;
    private final double[] supportVectors;
    private final double[][] coefficients;
    private final double[] rho;
    private final int[] start;
    private final int[] count;
    private final int[] labels;

    private DenseRbfModel(int dimension, double gamma, double[] supportVectors, double[][] coefficients, double[] rho,
            int[] start, int[] count, int[] labels) {
        this.dimension = dimension;
        this.gamma = gamma;
        this.supportVectors = supportVectors;
        this.coefficients = coefficients;
        this.rho = rho;
        this.start = start;
        this.count = count;
        this.labels = labels;
    }

    /** Copies a C-SVC model with RBF kernel whose support vectors index features 1..{@code dimension}. */
    static DenseRbfModel of(svm_model model, int dimension) {
        if (model.param.svm_type != svm_parameter.C_SVC || model.param.kernel_type != svm_parameter.RBF) {
            throw new IllegalArgumentException("only C-SVC models with an RBF kernel are supported");
        }
        double[] vectors = new double[model.l * dimension];
        for (int i = 0; i < model.l; i++) {
            for (svm_node node : model.SV[i]) {
                if (node.index < 1 || node.index > dimension) {
                    throw new IllegalArgumentException("support vector feature " + node.index + " outside 1.." + dimension);
                }
                vectors[i * dimension + node.index - 1] = node.value;
            }
        }
        int[] start = new int[model.nr_class];
        for (int c = 1; c < model.nr_class; c++) {
            start[c] = start[c - 1] + model.nSV[c - 1];
        }
        return new DenseRbfModel(dimension, model.param.gamma, vectors, model.sv_coef, model.rho.clone(), start,
                model.nSV.clone(), model.label.clone());
    }

    /** The model's label for {@code row}. */
    int predict(float[] row) {
        int supportCount = supportVectors.length / dimension;
        double[] kernel = new double[supportCount];
        for (int i = 0; i < supportCount; i++) {
            int offset = i * dimension;
            double sum = 0;
            for (int j = 0; j < dimension; j++) {
                double d = row[j] - supportVectors[offset + j];
                sum += d * d;
            }
            kernel[i] = Math.exp(-gamma * sum);
        }
        int classes = labels.length;
        int[] votes = new int[classes];
        int pair = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = i + 1; j < classes; j++) {
                double[] coefI = coefficients[j - 1];
                double[] coefJ = coefficients[i];
                double sum = 0;
                for (int k = 0; k < count[i]; k++) {
                    sum += coefI[start[i] + k] * kernel[start[i] + k];
                }
                for (int k = 0; k < count[j]; k++) {
                    sum += coefJ[start[j] + k] * kernel[start[j] + k];
                }
                sum -= rho[pair++];
                if (sum > 0) {
                    votes[i]++;
                } else {
                    votes[j]++;
                }
            }
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return labels[best];
    }
}
