package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.nn.NnAssertions.assertIdentical;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;

/** The schemes' statistics on large seeded draws, and their errors. */
class InitTest {

    static Stream<Long> seeds() {
        return RandomCases.seeds(6_001, 5);
    }

    static double mean(DMatrixRMaj w) {
        double total = 0;
        for (int k = 0; k < w.getNumElements(); k++) {
            total += w.get(k);
        }
        return total / w.getNumElements();
    }

    static double variance(DMatrixRMaj w) {
        double mu = mean(w);
        double total = 0;
        for (int k = 0; k < w.getNumElements(); k++) {
            total += (w.get(k) - mu) * (w.get(k) - mu);
        }
        return total / w.getNumElements();
    }

    static double maxAbs(DMatrixRMaj w) {
        double max = 0;
        for (int k = 0; k < w.getNumElements(); k++) {
            max = Math.max(max, Math.abs(w.get(k)));
        }
        return max;
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void xavierStaysWithinItsBoundAndReachesIt(long seed) {
        DMatrixRMaj w = Init.xavierUniform(200, 300, new Random(seed));
        double a = Math.sqrt(6.0 / 500);
        assertTrue(maxAbs(w) <= a, "seed=" + seed + ": " + maxAbs(w)
                + " beyond the bound " + a);
        assertTrue(maxAbs(w) > 0.99 * a, "seed=" + seed + ": the draws"
                + " should come close to the bound " + a);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void xavierHasVarianceTwoOverFanInPlusFanOut(long seed) {
        DMatrixRMaj w = Init.xavierUniform(200, 300, new Random(seed));
        double expected = 2.0 / 500;
        // 60,000 draws: the sample variance is within 2% (about 5 σ)
        assertEquals(expected, variance(w), 0.02 * expected, "seed=" + seed);
        // and the mean within 5 standard errors of 0
        assertEquals(0, mean(w), 5 * Math.sqrt(expected / 60_000),
                "seed=" + seed);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void normalHasTheStandardDeviationAskedFor(long seed) {
        DMatrixRMaj w = Init.normal(300, 200, 0.5, new Random(seed));
        // the sample variance is within 3% (about 5 σ for 60,000 draws)
        assertEquals(0.25, variance(w), 0.03 * 0.25, "seed=" + seed);
        assertEquals(0, mean(w), 5 * 0.5 / Math.sqrt(60_000), "seed=" + seed);
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        assertIdentical(Init.xavierUniform(3, 4, new Random(7)),
                Init.xavierUniform(3, 4, new Random(7)), "xavier");
        assertIdentical(Init.normal(3, 4, 1, new Random(7)),
                Init.normal(3, 4, 1, new Random(7)), "normal");
    }

    @Test
    void zerosAndOnesAreWhatTheySay() {
        assertEquals(0, maxAbs(Init.zeros(2, 3)));
        DMatrixRMaj ones = Init.ones(2, 3);
        assertEquals(1, mean(ones));
        assertEquals(0, variance(ones));
    }

    @Test
    void anEmptyShapeIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Init.xavierUniform(0, 3, new Random(1)));
        assertEquals("xavierUniform: a parameter needs at least one row and"
                + " one column, got (0x3)", e.getMessage());
    }

    @Test
    void aNonPositiveStandardDeviationIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Init.normal(2, 2, -1, new Random(1)));
        assertEquals("normal: the standard deviation must be positive and"
                + " finite, got -1.0", e.getMessage());
    }
}
