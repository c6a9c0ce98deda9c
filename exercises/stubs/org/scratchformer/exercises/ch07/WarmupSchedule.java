package org.scratchformer.exercises.ch07;

/** Exercise 7.3: the learning-rate schedule of "Attention Is All You Need". */
public final class WarmupSchedule {
    private WarmupSchedule() {
    }

    /**
     * The rate at {@code step} (counted from 1) for a model of width
     * {@code dModel} with {@code warmup} warm-up steps: a linear rise to
     * the peak at step warmup, then decay as 1/√step.
     */
    public static double rate(int dModel, int warmup, int step) {
        throw new UnsupportedOperationException("d_model^−0.5 · min(step^−0.5,"
                + " step · warmup^−1.5)");
    }
}
