package org.scratchformer.bench;

import org.scratchformer.fast.CountingKernel;

/**
 * What {@link Bench} times: one training step per call. The products'
 * floating-point operations are not asked for; Bench counts them itself
 * ({@link CountingKernel}).
 */
public interface TrainingStep {
    /** Runs one training step; returns the loss before the update. */
    double step();

    /** The tokens the last step trained on (its target tokens). */
    int tokens();
}
