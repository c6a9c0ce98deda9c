package org.scratchformer.nn;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.scratchformer.tensor.Products;

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
 *
 * <p>{@link #fill} draws a whole mask on the products' threads and still
 * gives the same numbers in the same places: the step s → a·s + c
 * (mod 2⁴⁸) composed with itself k times is again such a step, so a thread
 * can start k draws ahead without making the k draws (see {@link #jump}).
 */
public final class UnsharedRandom extends Random {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    /** Eight steps at once, s → EIGHT_A·s + EIGHT_C: four draws on. */
    private static final long EIGHT_C = jump(0, 8);
    private static final long EIGHT_A = (jump(1, 8) - EIGHT_C) & MASK;

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

    // tag::fill[]
    /**
     * into[k] = f(the k-th of the next n values of nextDouble()), for
     * k &lt; n, and this generator left where those n calls leave it. Ranges
     * of k run on the products' threads, each from the state 2·lo steps
     * ahead (nextDouble takes two steps): the same numbers as the calls
     * one after the other, for any number of threads.
     */
    public void fill(double[] into, int n, DoubleUnaryOperator f) {
        if (n < 0 || n > into.length) {
            throw new IllegalArgumentException("UnsharedRandom.fill: " + n
                    + " values do not fit an array of " + into.length);
        }
        long start = state;
        Products.forRanges(n, 16, (lo, hi) -> {
            // four chains side by side, each 4 draws = 8 steps at a time
            long s0 = jump(start, 2L * lo);  // the state before draw lo
            long s1 = jump(s0, 2);
            long s2 = jump(s0, 4);
            long s3 = jump(s0, 6);
            int k = lo;
            for (; k + 4 <= hi; k += 4) {
                into[k] = f.applyAsDouble(draw(s0));
                into[k + 1] = f.applyAsDouble(draw(s1));
                into[k + 2] = f.applyAsDouble(draw(s2));
                into[k + 3] = f.applyAsDouble(draw(s3));
                s0 = (s0 * EIGHT_A + EIGHT_C) & MASK;
                s1 = (s1 * EIGHT_A + EIGHT_C) & MASK;
                s2 = (s2 * EIGHT_A + EIGHT_C) & MASK;
                s3 = (s3 * EIGHT_A + EIGHT_C) & MASK;
            }
            for (; k < hi; k++) {  // the last few, on the first chain
                into[k] = f.applyAsDouble(draw(s0));
                s0 = jump(s0, 2);
            }
        });
        state = jump(start, 2L * n);
    }

    /** nextDouble() from state s: 26 bits, then 27, times 2⁻⁵³. */
    private static double draw(long s) {
        long s1 = (s * MULTIPLIER + ADDEND) & MASK;
        long s2 = (s1 * MULTIPLIER + ADDEND) & MASK;
        long bits = ((s1 >>> 22) << 27) + (s2 >>> 21);
        return bits * 0x1.0p-53;
    }

    /**
     * The state {@code steps} steps after {@code s}. One step is the map
     * s → a·s + c; two in a row are s → a²·s + (a·c + c), again of that
     * form, so squaring the map halves the steps left (as in fast
     * exponentiation): about 2·log₂(steps) multiplications.
     */
    static long jump(long s, long steps) {
        long a = MULTIPLIER;      // the map for 2^i steps: s → a·s + c
        long c = ADDEND;
        long jumpA = 1;           // the steps taken so far: s → jumpA·s + jumpC
        long jumpC = 0;
        for (long left = steps; left > 0; left >>>= 1) {
            if ((left & 1) != 0) {  // take 2^i steps more
                jumpA = (jumpA * a) & MASK;
                jumpC = (jumpC * a + c) & MASK;
            }
            c = (c * a + c) & MASK;  // 2^(i+1) steps: the map twice
            a = (a * a) & MASK;
        }
        return (s * jumpA + jumpC) & MASK;
    }
    // end::fill[]
}
