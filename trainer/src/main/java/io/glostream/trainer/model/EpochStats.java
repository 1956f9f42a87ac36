package io.glostream.trainer.model;

/**
 * What one finished epoch reports.
 *
 * @param epoch the 1-based epoch just finished
 * @param learningRate the learning rate used during it
 * @param meanLoss each loss term's mean over the epoch's batches
 * @param steps optimiser steps taken
 * @param documents documents processed, both languages counted
 * @param seconds wall time of the epoch
 */
public record EpochStats(int epoch, double learningRate, LossTerms meanLoss, int steps, long documents,
                         double seconds) {

    /** Documents (both languages) per second of wall time. */
    public double documentsPerSecond() {
        return seconds > 0 ? documents / seconds : 0;
    }
}
