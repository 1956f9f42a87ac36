package io.glostream.trainer.eval;

import java.util.Arrays;
import java.util.stream.IntStream;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The classifier of the official evaluation, scikit-learn's {@code SVC()} with its defaults, on LIBSVM's
 * Java port: C-SVC, RBF kernel {@code exp(-gamma |x - x'|^2)}, {@code C = 1},
 * {@code gamma = "scale" = 1 / (n_features * Var(X))} (variance of all entries of the training matrix;
 * 1 when that is 0), tolerance 1e-3, shrinking, 200 MB kernel cache, one-vs-one voting.
 *
 * <p>scikit-learn's copy of LIBSVM orders classes by label value, where LIBSVM orders them by first
 * appearance. Labels are therefore mapped to their rank among the sorted distinct labels and the
 * training rows grouped by class in a stable order before training, so LIBSVM sees classes, rows and
 * vote ties exactly as scikit-learn's copy does. Training is deterministic. Predictions come from a flat
 * copy of the trained model ({@link DenseRbfModel}) that computes what LIBSVM's predict computes, faster.
 */
public final class SvmClassifier {

    static {
        // LIBSVM prints solver progress to stdout unless told otherwise; its printer is process-wide.
        svm.svm_set_print_string_function(message -> { });
    }

    private final svm_model model;
    private final DenseRbfModel denseModel;
    private final int[] classes;
    private final int dimension;
    private final double gamma;

    private SvmClassifier(svm_model model, int[] classes, int dimension, double gamma) {
        this.model = model;
        this.denseModel = DenseRbfModel.of(model, dimension);
        this.classes = classes;
        this.dimension = dimension;
        this.gamma = gamma;
    }

    /**
     * Trains on {@code features} (one row per document, all rows of one length) and their labels.
     *
     * @throws IllegalArgumentException if the rows are ragged or not finite, the label count differs from
     *                                  the row count, or fewer than two classes occur
     */
    public static SvmClassifier train(float[][] features, int[] labels) {
        int dimension = checkMatrix(features, "training features");
        if (labels.length != features.length) {
            throw new IllegalArgumentException(features.length + " training rows but " + labels.length + " labels");
        }
        int[] classes = IntStream.of(labels).distinct().sorted().toArray();
        if (classes.length < 2) {
            throw new IllegalArgumentException("training labels hold " + classes.length
                    + " class(es); a classifier needs at least 2");
        }
        int[] order = groupedByClass(labels, classes);
        svm_problem problem = new svm_problem();
        problem.l = features.length;
        problem.x = new svm_node[features.length][];
        problem.y = new double[features.length];
        for (int i = 0; i < order.length; i++) {
            int row = order[i];
            problem.x[i] = nodes(features[row]);
            problem.y[i] = Arrays.binarySearch(classes, labels[row]);
        }
        double gamma = scaleGamma(features);
        svm_parameter parameter = defaults(gamma);
        String problemWithParameters = svm.svm_check_parameter(problem, parameter);
        if (problemWithParameters != null) {
            throw new IllegalArgumentException("LIBSVM refuses the problem: " + problemWithParameters);
        }
        return new SvmClassifier(svm.svm_train(problem, parameter), classes, dimension, gamma);
    }

    /**
     * scikit-learn's {@code gamma="scale"}: {@code 1 / (n_features * X.var())}, the variance taken over all
     * entries of {@code X} with divisor {@code n_rows * n_features}; 1 when the variance is 0.
     */
    public static double scaleGamma(float[][] features) {
        int dimension = checkMatrix(features, "features");
        double count = (double) features.length * dimension;
        double sum = 0;
        for (float[] row : features) {
            for (float v : row) {
                sum += v;
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (float[] row : features) {
            for (float v : row) {
                double d = v - mean;
                squares += d * d;
            }
        }
        double variance = squares / count;
        return variance == 0 ? 1.0 : 1.0 / (dimension * variance);
    }

    /** The predicted label of every row, rows predicted in parallel. */
    public int[] predict(float[][] features) {
        int width = checkMatrix(features, "features to predict");
        if (width != dimension) {
            throw new IllegalArgumentException("rows have " + width + " features, the classifier was trained on " + dimension);
        }
        return IntStream.range(0, features.length).parallel().map(i -> predictRow(features[i])).toArray();
    }

    /** The {@code gamma} the kernel was trained with. */
    public double gamma() {
        return gamma;
    }

    /** The distinct training labels, ascending. */
    public int[] classes() {
        return classes.clone();
    }

    /** The LIBSVM model, labels being ranks into {@link #classes}; for cross-checks against LIBSVM's own predict. */
    svm_model libsvmModel() {
        return model;
    }

    /** A feature row as LIBSVM nodes, features numbered from 1. */
    static svm_node[] nodes(float[] row) {
        svm_node[] nodes = new svm_node[row.length];
        for (int j = 0; j < row.length; j++) {
            svm_node node = new svm_node();
            node.index = j + 1;
            node.value = row[j];
            nodes[j] = node;
        }
        return nodes;
    }

    private int predictRow(float[] row) {
        return classes[denseModel.predict(row)];
    }

    private static svm_parameter defaults(double gamma) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.degree = 3;
        p.gamma = gamma;
        p.coef0 = 0;
        p.C = 1;
        p.eps = 1e-3;
        p.cache_size = 200;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        p.nu = 0.5;
        p.p = 0.1;
        return p;
    }

    /** Row indices grouped by class in ascending label order, keeping the original order within a class. */
    private static int[] groupedByClass(int[] labels, int[] classes) {
        int[] start = new int[classes.length + 1];
        for (int label : labels) {
            start[Arrays.binarySearch(classes, label) + 1]++;
        }
        for (int c = 0; c < classes.length; c++) {
            start[c + 1] += start[c];
        }
        int[] order = new int[labels.length];
        for (int row = 0; row < labels.length; row++) {
            order[start[Arrays.binarySearch(classes, labels[row])]++] = row;
        }
        return order;
    }

    private static int checkMatrix(float[][] features, String what) {
        if (features.length == 0) {
            throw new IllegalArgumentException(what + ": no rows");
        }
        int width = features[0].length;
        if (width == 0) {
            throw new IllegalArgumentException(what + ": rows have no features");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != width) {
                throw new IllegalArgumentException(what + ": row " + i + " has " + features[i].length
                        + " features, row 0 has " + width);
            }
            for (float v : features[i]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(what + ": row " + i + " holds " + v);
                }
            }
        }
        return width;
    }
}
