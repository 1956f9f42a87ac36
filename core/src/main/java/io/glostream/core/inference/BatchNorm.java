package io.glostream.core.inference;

/**
 * Inference-mode batch normalisation {@code y = gamma (z - mean) / sqrt(var + eps) + beta} with
 * frozen running statistics. Because it is affine per feature, it folds into the linear layer in
 * front of it, so the exported graph needs no BatchNormalization node.
 *
 * @param gamma scale per feature
 * @param beta shift per feature
 * @param runningMean running mean per feature
 * @param runningVariance running variance per feature, non-negative
 * @param epsilon added to the variance, positive
 */
public record BatchNorm(float[] gamma, float[] beta, float[] runningMean, float[] runningVariance, double epsilon) {

    public BatchNorm {
        if (gamma == null || beta == null || runningMean == null || runningVariance == null) {
            throw new IllegalArgumentException("gamma, beta, running mean and running variance are required");
        }
        int features = gamma.length;
        if (features == 0) {
            throw new IllegalArgumentException("batch norm needs at least one feature");
        }
        if (beta.length != features || runningMean.length != features || runningVariance.length != features) {
            throw new IllegalArgumentException("batch norm vectors differ in length: gamma " + features + ", beta "
                    + beta.length + ", mean " + runningMean.length + ", variance " + runningVariance.length);
        }
        for (int i = 0; i < features; i++) {
            if (!(runningVariance[i] >= 0f) || Float.isInfinite(runningVariance[i])) {
                throw new IllegalArgumentException("running variance " + i + " must be finite and non-negative, got "
                        + runningVariance[i]);
            }
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and positive, got " + epsilon);
        }
    }

    public int features() {
        return gamma.length;
    }

    /**
     * The single linear layer equal to this batch norm applied after {@code preceding}: each output
     * column {@code k} of the weight is scaled by {@code s_k = gamma_k / sqrt(var_k + eps)} and the bias
     * becomes {@code (b_k - mean_k) s_k + beta_k}. Computed in double, rounded once to float.
     */
    public LinearLayer foldInto(LinearLayer preceding) {
        if (preceding.outputs() != features()) {
            throw new IllegalArgumentException("batch norm over " + features() + " features cannot follow a layer with "
                    + preceding.outputs() + " outputs");
        }
        double[] scale = new double[features()];
        float[] bias = new float[features()];
        for (int k = 0; k < scale.length; k++) {
            scale[k] = gamma[k] / Math.sqrt((double) runningVariance[k] + epsilon);
            bias[k] = (float) (((double) preceding.bias()[k] - runningMean[k]) * scale[k] + beta[k]);
        }
        float[][] weight = new float[preceding.inputs()][features()];
        for (int i = 0; i < weight.length; i++) {
            float[] source = preceding.weight()[i];
            for (int k = 0; k < scale.length; k++) {
                weight[i][k] = (float) (source[k] * scale[k]);
            }
        }
        return new LinearLayer(weight, bias);
    }
}
