package org.scratchformer.exercises.ch01;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class BestStepTest {
    private static final double[] DECADES = {1e-1, 1e-2, 1e-3, 1e-4, 1e-5,
        1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12};

    @Test
    void errorsOfTheCentralDifferenceOfACube() {
        // ((x + h)³ − (x − h)³) / 2h − 3x² = h² exactly
        DoubleUnaryOperator cube = x -> x * x * x;
        double[] errors = BestStep.centralErrors(cube, 2.0, 12.0,
                new double[] {0.5, 0.25, 0.1});
        assertArrayEquals(new double[] {0.25, 0.0625, 0.01}, errors, 1e-12);
    }

    @Test
    void errorsAreAbsoluteValues() {
        // f = −x³: the central difference falls below f'(x) = −3x²
        double[] errors = BestStep.centralErrors(x -> -x * x * x, 2.0, -12.0,
                new double[] {0.5});
        assertEquals(0.25, errors[0], 1e-12);
    }

    @Test
    void bestStepForSineIsNearOneInAHundredThousand() {
        double h = BestStep.bestStep(Math::sin, 1.0, Math.cos(1.0), DECADES);
        assertTrue(h == 1e-5 || h == 1e-6, "best h for sin at 1: " + h);
    }

    @Test
    void bestStepHasTheSmallestErrorOfAllCandidates() {
        DoubleUnaryOperator f = x -> Math.exp(3 * x);
        double x = 0.2;
        double exact = 3 * Math.exp(0.6);
        double h = BestStep.bestStep(f, x, exact, DECADES);
        double errorAtH = Math.abs((f.applyAsDouble(x + h)
                - f.applyAsDouble(x - h)) / (2 * h) - exact);
        for (double step : DECADES) {
            double error = Math.abs((f.applyAsDouble(x + step)
                    - f.applyAsDouble(x - step)) / (2 * step) - exact);
            assertTrue(errorAtH <= error, "h = " + h + " has error "
                    + errorAtH + ", but h = " + step + " has " + error);
        }
    }

    @Test
    void aLargeStepWinsWhenTruncationIsZero() {
        // the central difference of a quadratic has no truncation error,
        // so only rounding is left, and rounding is worst for tiny steps
        double h = BestStep.bestStep(x -> x * x, 3.0, 6.0,
                new double[] {1e-12, 0.5});
        assertEquals(0.5, h);
    }

    @Test
    void theEarliestStepWinsATie() {
        // both steps give exactly 6 for f = x² at 3
        double h = BestStep.bestStep(x -> x * x, 3.0, 6.0,
                new double[] {0.5, 0.25});
        assertEquals(0.5, h);
    }

    @Test
    void noCandidatesIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> BestStep.bestStep(Math::sin, 1.0, Math.cos(1.0),
                        new double[0]));
    }
}
