package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.optim.LearningRateScheduleTest.message;

import org.junit.jupiter.api.Test;

/**
 * The schedules' settings at the edges of their ranges: each bound refused
 * on its own, the edge itself accepted.
 */
class ScheduleArgumentsTest {

    @Test
    void constantRatesMustBeFinite() {
        assertEquals("Constant: the rate must be a positive finite number,"
                + " got Infinity", message(() -> new Constant(
                        Double.POSITIVE_INFINITY)));
        assertEquals(Double.MIN_VALUE, new Constant(Double.MIN_VALUE)
                .rate(1));
    }

    @Test
    void theInverseSquareRootScheduleNeedsAModelWidthAndAWarmup() {
        assertEquals("WarmupInverseSqrt: d_model and warmup must be ≥ 1, got"
                + " d_model 0 and warmup 10", message(
                        () -> new WarmupInverseSqrt(0, 10)));
        assertEquals("WarmupInverseSqrt: the factor must be a positive"
                + " finite number, got Infinity", message(
                        () -> new WarmupInverseSqrt(512, 10,
                                Double.POSITIVE_INFINITY)));
        // d_model 1, warmup 1, factor 1: min(1, 1) = 1 at step 1
        assertEquals(1.0, new WarmupInverseSqrt(1, 1).rate(1), 1e-15);
    }

    @Test
    void cosineWarmupBoundsAreCheckedOneByOne() {
        assertEquals("CosineWithWarmup: need 0 ≤ warmup < total, got warmup"
                + " -1 and total 10", message(
                        () -> new CosineWithWarmup(1, -1, 10, 0)));
        assertEquals("CosineWithWarmup: the peak must be a positive finite"
                + " number, got Infinity", message(
                        () -> new CosineWithWarmup(Double.POSITIVE_INFINITY,
                                1, 10, 0)));
        assertEquals("CosineWithWarmup: the floor must be in [0, peak] ="
                + " [0, 1.0], got -0.1", message(
                        () -> new CosineWithWarmup(1, 1, 10, -0.1)));
        // no warm-up, and a floor equal to the peak: a constant rate
        CosineWithWarmup flat = new CosineWithWarmup(0.5, 0, 1, 0.5);
        assertEquals(0.5, flat.rate(1));
        assertEquals(0.5, flat.rate(7));
    }
}
