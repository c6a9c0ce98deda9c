package org.scratchformer.optim;

/**
 * The learning rate as a function of the step, counted from 1. A training
 * loop sets it before each step:
 * {@code optimizer.setLearningRate(schedule.rate(t))}.
 */
public interface LearningRateSchedule {
    /** The rate for step {@code step} ≥ 1. */
    double rate(int step);

    /** The check every schedule runs: steps are counted from 1. */
    static void requireStep(String schedule, int step) {
        if (step < 1) {
            throw new IllegalArgumentException(schedule + ": steps are"
                    + " counted from 1, got step " + step);
        }
    }
}
