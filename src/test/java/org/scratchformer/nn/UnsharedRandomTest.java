package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.tensor.Products;

/** UnsharedRandom draws exactly java.util.Random's numbers. */
class UnsharedRandomTest {
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {0, 1, -1, 42, 1_000_003L * 777, Long.MIN_VALUE})
    void sameNumbersAsRandomForTheSameSeed(long seed) {
        Random expected = new Random(seed);
        Random actual = new UnsharedRandom(seed);
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

    private final int threadsBefore = Products.threads();

    @AfterEach
    void restoreThreads() {
        Products.setThreads(threadsBefore);
    }

    @ParameterizedTest(name = "n={0}, threads={1}")
    @CsvSource({"0,1", "1,2", "7,2", "8,2", "9,3", "1000,1", "1000,2",
        "50001,1", "50001,2", "50001,3", "131072,2"})
    void fillDrawsTheNumbersOfNextDoubleInOrder(int n, int threads) {
        Products.setThreads(threads);
        Random expected = new Random(7 + n);
        UnsharedRandom actual = new UnsharedRandom(7 + n);
        expected.nextInt();  // not from the seed's first state
        actual.nextInt();
        double[] want = new double[n + 3];
        for (int k = 0; k < n; k++) {
            want[k] = 1 - 2 * expected.nextDouble();
        }
        double[] got = new double[n + 3];
        actual.fill(got, n, u -> 1 - 2 * u);
        assertArrayEquals(want, got, 0);  // and the 3 beyond n untouched
        for (int i = 0; i < 10; i++) {  // left where the n calls leave it
            assertEquals(expected.nextLong(), actual.nextLong(), "after");
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
        assertEquals(stepped, UnsharedRandom.jump(start, steps));
    }

    @Test
    void fillMayFillTheWholeArray() {
        double[] all = new double[100];
        new UnsharedRandom(3).fill(all, all.length, u -> u);
        Random expected = new Random(3);
        for (int k = 0; k < all.length; k++) {
            assertEquals(expected.nextDouble(), all[k], 0, "element " + k);
        }
    }

    @Test
    void fillRefusesMoreValuesThanTheArrayHolds() {
        UnsharedRandom random = new UnsharedRandom(1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> random.fill(new double[4], 5, u -> u));
        assertEquals("UnsharedRandom.fill: 5 values do not fit an array of 4",
                e.getMessage());
        assertEquals(new Random(1).nextLong(), random.nextLong(),
                "the state is unchanged");
    }
}
