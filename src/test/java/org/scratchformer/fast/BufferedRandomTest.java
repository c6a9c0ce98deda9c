package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BufferedRandom draws exactly java.util.Random's numbers. */
class BufferedRandomTest {
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {0, 1, -1, 42, 1_000_003L * 777, Long.MIN_VALUE})
    void sameNumbersAsRandomForTheSameSeed(long seed) {
        Random expected = new Random(seed);
        Random actual = new BufferedRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            assertEquals(expected.nextDouble(), actual.nextDouble(), 0,
                    "nextDouble " + i);
            assertEquals(expected.nextInt(97), actual.nextInt(97), "nextInt");
            assertEquals(expected.nextLong(), actual.nextLong(), "nextLong");
            assertEquals(expected.nextGaussian(), actual.nextGaussian(), 0,
                    "nextGaussian " + i);
            assertEquals(expected.nextBoolean(), actual.nextBoolean());
        }
        // reseeded halfway through a Gaussian pair, as dropout reseeds
        expected.nextGaussian();
        actual.nextGaussian();
        expected.setSeed(seed + 1);
        actual.setSeed(seed + 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(expected.nextGaussian(), actual.nextGaussian(), 0,
                    "after setSeed " + i);
            assertEquals(expected.nextFloat(), actual.nextFloat(), 0);
        }
    }

    /**
     * Runs of doubles of every length around the buffer's, each followed
     * by another kind of draw, which must start where the doubles served
     * so far end, not where the buffer was drawn to.
     */
    @ParameterizedTest(name = "run={0}, seed={1}")
    @CsvSource({"1,5", "3,5", "4,6", "511,7", "512,8", "513,9", "1024,10",
        "1500,11", "50001,12"})
    void doublesThenOtherDrawsStayInStep(int run, long seed) {
        Random expected = new Random(seed);
        Random actual = new BufferedRandom(seed);
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < run; k++) {
                assertEquals(expected.nextDouble(), actual.nextDouble(), 0,
                        "round " + round + ", double " + k);
            }
            assertEquals(expected.nextInt(), actual.nextInt(),
                    "round " + round + ": the draw after the doubles");
            assertEquals(expected.nextLong(), actual.nextLong());
        }
    }

    @ParameterizedTest(name = "steps={0}")
    @ValueSource(longs = {0, 1, 2, 3, 64, 1_000, 99_999})
    void jumpIsThatManyStepsAtOnce(long steps) {
        long mask = (1L << 48) - 1;
        long start = 123_456_789L;
        long stepped = start;
        for (long i = 0; i < steps; i++) {
            stepped = (stepped * 0x5DEECE66DL + 0xBL) & mask;  // Random's
        }
        assertEquals(stepped, BufferedRandom.jump(start, steps));
    }
}
