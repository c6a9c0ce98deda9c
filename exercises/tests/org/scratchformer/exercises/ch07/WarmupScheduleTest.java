package org.scratchformer.exercises.ch07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupScheduleTest {
    // the paper's base model: d_model 512, warmup 4000
    static final double PEAK = 1 / Math.sqrt(512.0 * 4000);

    @Test
    void thePeakIsOneOverRootOfDModelTimesWarmup() {
        assertEquals(PEAK, WarmupSchedule.rate(512, 4000, 4000), 1e-18);
    }

    @Test
    void theRateRisesLinearlyDuringWarmup() {
        assertEquals(PEAK / 4000, WarmupSchedule.rate(512, 4000, 1), 1e-18);
        assertEquals(PEAK / 4, WarmupSchedule.rate(512, 4000, 1000), 1e-18);
    }

    @Test
    void afterWarmupItDecaysAsOneOverRootStep() {
        assertEquals(PEAK / 2, WarmupSchedule.rate(512, 4000, 16_000),
                1e-18);
        assertEquals(PEAK / 10, WarmupSchedule.rate(512, 4000, 400_000),
                1e-18);
    }

    @Test
    void noStepHasAHigherRateThanTheWarmupStep() {
        for (int step = 1; step <= 10_000; step++) {
            assertTrue(WarmupSchedule.rate(128, 400, step)
                    <= WarmupSchedule.rate(128, 400, 400), "step " + step);
        }
    }

    @Test
    void aWiderModelGetsASmallerRate() {
        assertEquals(WarmupSchedule.rate(128, 400, 1000) / 2,
                WarmupSchedule.rate(512, 400, 1000), 1e-18);
    }
}
