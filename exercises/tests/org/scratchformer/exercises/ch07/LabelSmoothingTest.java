package org.scratchformer.exercises.ch07;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.exercises.CaseNames;

@ExtendWith(CaseNames.class)
class LabelSmoothingTest {

    @Test
    void theTargetKeepsOneMinusEpsilonAndEveryClassGetsEpsilonOverV() {
        assertArrayEquals(new double[] {0.025, 0.025, 0.925, 0.025},
                LabelSmoothing.targetDistribution(2, 4, 0.1), 1e-15);
    }

    @Test
    void noSmoothingIsOneHotAndFullSmoothingIsUniform() {
        assertArrayEquals(new double[] {0, 1, 0},
                LabelSmoothing.targetDistribution(1, 3, 0), 0);
        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2},
                LabelSmoothing.targetDistribution(4, 5, 1), 1e-15);
    }

    @ParameterizedTest(name = "epsilon={0}")
    @ValueSource(doubles = {0, 0.1, 0.5, 1})
    void theDistributionSumsToOne(double epsilon) {
        double sum = 0;
        for (double q : LabelSmoothing.targetDistribution(3, 7, epsilon)) {
            assertTrue(q >= 0, "a negative probability");
            sum += q;
        }
        assertEquals(1, sum, 1e-15);
    }

    @Test
    void aTargetOutsideTheClassesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LabelSmoothing.targetDistribution(3, 3, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> LabelSmoothing.targetDistribution(-1, 3, 0.1));
    }

    @Test
    void theLossOfKnownRows() {
        // lse(1, 2, 3) = 3.4076059644443806
        double[] logits = {1, 2, 3};
        assertEquals(0.4076059644443806, LabelSmoothing.loss(logits, 2, 0),
                1e-14);
        // ε = 0.3: q = (0.1, 0.1, 0.8): lse − 0.1·1 − 0.1·2 − 0.8·3
        assertEquals(0.7076059644443805, LabelSmoothing.loss(logits, 2, 0.3),
                1e-14);
        assertEquals(Math.log(2), LabelSmoothing.loss(new double[] {5, 5}, 0,
                0), 1e-15);
    }

    @ParameterizedTest(name = "epsilon={0}")
    @ValueSource(doubles = {0, 1})
    void extremeLogitsGiveAFiniteLoss(double epsilon) {
        double[] logits = {1000, -1000, 0};
        double loss = LabelSmoothing.loss(logits, 1, epsilon);
        // ε = 0: 1000 − (−1000); ε = 1: lse − mean(x) = 1000 − 0
        assertEquals(epsilon == 0 ? 2000 : 1000, loss, 1e-9);
        assertEquals(0, LabelSmoothing.loss(logits, 0, 0), 1e-12);
    }
}
