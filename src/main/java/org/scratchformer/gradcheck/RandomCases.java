package org.scratchformer.gradcheck;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A small seeded generator of shapes and values for property-style tests.
 *
 * <p>Each case gets its own seed, printed in the test's display name, so a
 * failure is replayed by running that one seed. Values stay in ranges where
 * the ops are smooth: callers ask for positive numbers for log and sqrt,
 * and for numbers away from zero for relu and division.
 */
public final class RandomCases {
    /** Shapes run from 1 to this size in each dimension. */
    public static final int MAX_SIZE = 5;

    private RandomCases() {
    }

    /** {@code count} seeds derived from {@code base}, the same every run. */
    public static Stream<Long> seeds(long base, int count) {
        Random seeds = new Random(base);
        return LongStream.range(0, count).mapToObj(i -> seeds.nextLong()
                & 0xffff_ffffL);
    }

    /** A size from 1 to {@link #MAX_SIZE}. */
    public static int size(Random random) {
        return 1 + random.nextInt(MAX_SIZE);
    }

    /** A size from {@code min} to {@code MAX_SIZE} (at least min). */
    public static int size(Random random, int min) {
        return min + random.nextInt(Math.max(1, MAX_SIZE - min + 1));
    }

    /** Values uniform in [lo, hi). */
    public static DMatrixRMaj uniform(Random random, int rows, int cols,
            double lo, double hi) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.getNumElements(); k++) {
            m.set(k, lo + (hi - lo) * random.nextDouble());
        }
        return m;
    }

    /** Values uniform in [-1, 1). */
    public static DMatrixRMaj values(Random random, int rows, int cols) {
        return uniform(random, rows, cols, -1, 1);
    }

    /** Values with |x| in [min, 1] and a random sign: away from 0. */
    public static DMatrixRMaj awayFromZero(Random random, int rows, int cols,
            double min) {
        DMatrixRMaj m = uniform(random, rows, cols, min, 1);
        for (int k = 0; k < m.getNumElements(); k++) {
            if (random.nextBoolean()) {
                m.set(k, -m.get(k));
            }
        }
        return m;
    }
}
