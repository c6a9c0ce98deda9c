package org.scratchformer.nn;

import java.util.Random;

/**
 * {@link java.util.Random}'s generator, number for number, for one thread.
 *
 * <p>Random keeps its 48-bit state in an AtomicLong so that threads may
 * share it, and every draw pays an atomic compare-and-set; nextDouble()
 * pays two. Dropout draws one double per element of every masked matrix,
 * millions a training step, and nothing shares the generator, so this
 * class keeps the state in a plain field and runs the same linear
 * congruential step. Same seed, same numbers: {@code new
 * UnsharedRandom(s)} and {@code new Random(s)} give the same weights and
 * the same dropout masks (a test compares long sequences), only faster.
 * Not for use by several threads at once.
 */
public final class UnsharedRandom extends Random {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    // no initializer: Random's constructor sets it, through setSeed, first
    private long state;

    public UnsharedRandom(long seed) {
        super(seed);
    }

    @Override
    public synchronized void setSeed(long seed) {
        super.setSeed(seed);  // and forgets a cached nextGaussian
        state = (seed ^ MULTIPLIER) & MASK;  // Random's scramble
    }

    // tag::next[]
    @Override
    protected int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }
    // end::next[]
}
