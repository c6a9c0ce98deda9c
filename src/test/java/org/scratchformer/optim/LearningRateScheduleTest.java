package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LearningRateScheduleTest {

    @Test
    void aConstantIsConstant() {
        Constant constant = new Constant(3e-4);
        assertEquals(3e-4, constant.rate(1), 0);
        assertEquals(3e-4, constant.rate(1_000_000), 0);
    }

    @Test
    void thePapersScheduleAtChosenSteps() {
        // d_model 512, warmup 4000, as in the paper
        WarmupInverseSqrt paper = new WarmupInverseSqrt(512, 4000);
        double peak = 1 / Math.sqrt(512.0 * 4000);  // 6.99e-4
        assertEquals(peak, paper.rate(4000), 1e-18);
        assertEquals(peak / 4000, paper.rate(1), 1e-18);  // linear rise
        assertEquals(peak / 2, paper.rate(2000), 1e-18);
        assertEquals(peak / 2, paper.rate(16_000), 1e-18);  // 1/√t decay
        assertEquals(2 * peak, new WarmupInverseSqrt(512, 4000, 2)
                .rate(4000), 1e-18);
    }

    @Test
    void cosineWithWarmupAtChosenSteps() {
        CosineWithWarmup cosine = new CosineWithWarmup(1, 10, 110, 0.1);
        assertEquals(0.1, cosine.rate(1), 1e-15);
        assertEquals(0.5, cosine.rate(5), 1e-15);
        assertEquals(1, cosine.rate(10), 1e-15);
        assertEquals(0.55, cosine.rate(60), 1e-15);  // half-way down
        assertEquals(0.1, cosine.rate(110), 1e-15);
        assertEquals(0.1, cosine.rate(1000), 0);
        // no warm-up: the peak from step 1 on the way down
        assertEquals(1 - 0.9 * (1 - Math.cos(Math.PI / 100)) / 2,
                new CosineWithWarmup(1, 0, 100, 0.1).rate(1), 1e-15);
    }

    static Stream<LearningRateSchedule> warmedUp() {
        return Stream.of(new WarmupInverseSqrt(128, 400),
                new CosineWithWarmup(4e-3, 400, 4000, 4e-4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warmedUp")
    void thePeakIsAtTheWarmupStepAndEachSideIsMonotone(
            LearningRateSchedule schedule) {
        int warmup = 400;
        for (int t = 1; t < warmup; t++) {
            assertTrue(schedule.rate(t) < schedule.rate(t + 1),
                    "not rising at step " + t);
        }
        for (int t = warmup; t < 6000; t++) {
            assertTrue(schedule.rate(t) >= schedule.rate(t + 1),
                    "rising after the warm-up, at step " + t);
        }
        assertTrue(schedule.rate(warmup) > schedule.rate(warmup + 1));
    }

    @Test
    void stepsAreCountedFromOne() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new WarmupInverseSqrt(512, 4000).rate(0));
        assertEquals("WarmupInverseSqrt: steps are counted from 1, got step"
                + " 0", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Constant(1).rate(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new CosineWithWarmup(1, 1, 2, 0).rate(0));
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("Constant: the rate must be a positive finite number,"
                + " got 0.0", message(() -> new Constant(0)));
        assertEquals("WarmupInverseSqrt: d_model and warmup must be ≥ 1, got"
                + " d_model 512 and warmup 0",
                message(() -> new WarmupInverseSqrt(512, 0)));
        assertEquals("WarmupInverseSqrt: the factor must be a positive"
                + " finite number, got -1.0",
                message(() -> new WarmupInverseSqrt(512, 10, -1)));
        assertEquals("CosineWithWarmup: need 0 ≤ warmup < total, got warmup"
                + " 100 and total 100",
                message(() -> new CosineWithWarmup(1, 100, 100, 0)));
        assertEquals("CosineWithWarmup: the floor must be in [0, peak] ="
                + " [0, 1.0], got 2.0",
                message(() -> new CosineWithWarmup(1, 10, 100, 2)));
        assertEquals("CosineWithWarmup: the peak must be a positive finite"
                + " number, got NaN",
                message(() -> new CosineWithWarmup(Double.NaN, 10, 100, 0)));
    }

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run)
                .getMessage();
    }
}
