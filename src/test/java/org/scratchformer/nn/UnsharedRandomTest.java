package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
