package io.glostream.trainer.model;

/**
 * The trained mean path of one encoder, enough to compute mu = BN(fc_mu(softplus(fc2(softplus(fc1(x))))))
 * outside DJL. Matrices are row-major with the input dimension first, so each layer is y = x W + b.
 * Arrays are copies; the record's equality is by reference, as for any array-holding record.
 *
 * @param inputDim encoder input dimension
 * @param hidden hidden units H
 * @param topics K
 * @param w1 {@code [inputDim x H]}
 * @param b1 {@code [H]}
 * @param w2 {@code [H x H]}
 * @param b2 {@code [H]}
 * @param wMu {@code [H x K]}
 * @param bMu {@code [K]}
 * @param bnRunningMean the mean head's batch-norm running mean {@code [K]}
 * @param bnRunningVar the mean head's batch-norm running variance {@code [K]}
 * @param bnEps the batch norm's epsilon
 * @param bnGamma the batch norm's scale {@code [K]} (all ones: it is not trained)
 * @param bnBeta the batch norm's trained shift {@code [K]}
 */
public record TrainedEncoder(
        int inputDim,
        int hidden,
        int topics,
        float[] w1,
        float[] b1,
        float[] w2,
        float[] b2,
        float[] wMu,
        float[] bMu,
        float[] bnRunningMean,
        float[] bnRunningVar,
        float bnEps,
        float[] bnGamma,
        float[] bnBeta) {
}
