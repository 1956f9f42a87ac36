package io.glostream.trainer.model;

/** Follows training, e.g. to draw a progress bar or save a checkpoint after an epoch. */
@FunctionalInterface
public interface TrainingListener {

    /** Called after every epoch; the trainer may be checkpointed from here. */
    void onEpoch(EpochStats stats);

    /** Called after every optimiser step ({@code step} is 1-based within the 1-based {@code epoch}). */
    default void onStep(int epoch, int step, int stepsInEpoch) {
    }
}
