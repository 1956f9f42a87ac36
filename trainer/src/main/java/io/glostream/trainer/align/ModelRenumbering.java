package io.glostream.trainer.align;

import io.glostream.trainer.model.GloCtmExport;
import io.glostream.trainer.model.TrainedEncoder;

/**
 * Renumbers a trained model's topics as an {@link Alignment} says, so that the exported bundle's topic
 * {@code id} is the trained model's topic {@code currentTopicOfNewId[id]}: the topic-word rows and every
 * encoder's mean head (its columns, bias and batch norm) move together, so theta from the renumbered
 * encoders is the original theta with its entries permuted.
 */
public final class ModelRenumbering {

    private ModelRenumbering() {
    }

    /**
     * The weights with topics in the alignment's new id order.
     *
     * @throws IllegalArgumentException when the alignment is for another number of topics
     */
    public static GloCtmExport renumber(GloCtmExport weights, Alignment alignment) {
        if (alignment.numTopics() != weights.numTopics()) {
            throw new IllegalArgumentException("the alignment numbers " + alignment.numTopics()
                    + " topics, the model has " + weights.numTopics());
        }
        int k = weights.numTopics();
        return new GloCtmExport(k, weights.vocab1(), weights.vocab2(),
                renumber(weights.global(), alignment), renumber(weights.local1(), alignment),
                renumber(weights.local2(), alignment),
                alignment.permuteRows(weights.topicWord(), k, weights.vocab1() + weights.vocab2()));
    }

    // The hidden layers do not depend on the topic order; only the mean head's outputs move.
    private static TrainedEncoder renumber(TrainedEncoder encoder, Alignment alignment) {
        int k = encoder.topics();
        return new TrainedEncoder(encoder.inputDim(), encoder.hidden(), k,
                encoder.w1().clone(), encoder.b1().clone(), encoder.w2().clone(), encoder.b2().clone(),
                alignment.permuteColumns(encoder.wMu(), encoder.hidden(), k),
                alignment.permuteColumns(encoder.bMu(), 1, k),
                alignment.permuteColumns(encoder.bnRunningMean(), 1, k),
                alignment.permuteColumns(encoder.bnRunningVar(), 1, k),
                encoder.bnEps(),
                alignment.permuteColumns(encoder.bnGamma(), 1, k),
                alignment.permuteColumns(encoder.bnBeta(), 1, k));
    }
}
