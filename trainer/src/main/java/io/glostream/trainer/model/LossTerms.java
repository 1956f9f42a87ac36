package io.glostream.trainer.model;

/**
 * The terms of the GloCTM objective for a batch (or their mean over an epoch's batches), each the batch
 * mean over documents summed over both languages; the regularisers are unweighted here and weighted in
 * {@code total}.
 *
 * @param globalReconstruction global pathway's reconstruction of g
 * @param globalPriorKl global posterior's KL to the logistic-normal prior
 * @param localReconstruction local pathways' reconstruction of x
 * @param localPriorKl local posteriors' KL to the prior
 * @param localGlobalKl KL(q_local || q_global)
 * @param cka 1 - CKA(theta_local, embeddings)
 * @param total the objective: the four VAE terms + lambdaKl * localGlobalKl + lambdaCka * cka
 */
public record LossTerms(
        double globalReconstruction,
        double globalPriorKl,
        double localReconstruction,
        double localPriorKl,
        double localGlobalKl,
        double cka,
        double total) {

    static final int COUNT = 7;

    static LossTerms of(double[] v) {
        return new LossTerms(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }
}
