package org.scratchformer.fast;

import java.util.Random;

/**
 * {@link java.util.Random}'s numbers, number for number, drawn ahead in
 * four chains: what the dropout layers draw from in the fast program.
 *
 * <p>Random keeps its 48-bit state in an AtomicLong so that threads may
 * share it, and each {@code nextDouble()} pays two atomic updates and two
 * dependent steps s → a·s + c (mod 2⁴⁸). Dropout draws one double per
 * element of every masked matrix, millions a training step, from a
 * generator nothing shares. This class keeps the state in a plain field,
 * and {@link #nextDouble} serves doubles from a buffer that four chains
 * fill side by side: the step composed with itself k times is again such
 * a step ({@link #jump}), so chain j starts j draws on and every chain
 * jumps four draws at a time, and the processor runs the four at once.
 * Same seed, same numbers as {@code new Random(seed)}: the weights and the
 * dropout masks are the same bits. Not for use by several threads at once.
 */
public final class BufferedRandom extends Random {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    /** Eight steps at once, s → EIGHT_A·s + EIGHT_C: four draws on. */
    private static final long EIGHT_C = jump(0, 8);
    private static final long EIGHT_A = (jump(1, 8) - EIGHT_C) & MASK;
    /** Doubles drawn ahead at a time; a multiple of four. */
    static final int AHEAD = 512;

    private final double[] ahead = new double[AHEAD];
    // no initializers: Random's constructor sets them, through setSeed
    private long state;      // after the last draw made, served or not
    private long aheadFrom;  // the state before ahead[0] was drawn
    private int served;      // ahead[served..] not served yet

    public BufferedRandom(long seed) {
        super(seed);
    }

    @Override
    public synchronized void setSeed(long seed) {
        super.setSeed(seed);  // and forgets a cached nextGaussian
        state = (seed ^ MULTIPLIER) & MASK;  // Random's scramble
        served = AHEAD;  // nothing drawn ahead
    }

    // tag::next[]
    @Override
    protected int next(int bits) {
        if (served < AHEAD) {  // back to the first double not served
            state = jump(aheadFrom, 2L * served);
            served = AHEAD;
        }
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    @Override
    public double nextDouble() {
        if (served == AHEAD) {
            drawAhead();
        }
        return ahead[served++];
    }
    // end::next[]

    // tag::fill[]
    /**
     * The next AHEAD doubles of nextDouble() into {@code ahead}: four chains
     * side by side, chain j drawing doubles j, j + 4, j + 8, … (nextDouble
     * takes two steps, so a chain jumps eight steps at a time).
     */
    private void drawAhead() {
        aheadFrom = state;
        long s0 = state;
        long s1 = jump(s0, 2);
        long s2 = jump(s0, 4);
        long s3 = jump(s0, 6);
        for (int k = 0; k < AHEAD; k += 4) {
            ahead[k] = draw(s0);
            ahead[k + 1] = draw(s1);
            ahead[k + 2] = draw(s2);
            ahead[k + 3] = draw(s3);
            s0 = (s0 * EIGHT_A + EIGHT_C) & MASK;
            s1 = (s1 * EIGHT_A + EIGHT_C) & MASK;
            s2 = (s2 * EIGHT_A + EIGHT_C) & MASK;
            s3 = (s3 * EIGHT_A + EIGHT_C) & MASK;
        }
        state = s0;  // after all AHEAD draws: chain 0 is 2·AHEAD steps on
        served = 0;
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
        long jumpA = 1;           // steps taken so far: s → jumpA·s + jumpC
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
