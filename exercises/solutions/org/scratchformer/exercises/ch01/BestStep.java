package org.scratchformer.exercises.ch01;

import java.util.function.DoubleUnaryOperator;
import org.scratchformer.finitediff.FiniteDifferences;

/**
 * Exercise 1.2: find the step that gives the most accurate central
 * difference.
 *
 * <p>Given f, a point x, the exact derivative f'(x) and some candidate
 * steps, measure the error of the central difference at each step and pick
 * the step whose error is smallest. You may use
 * {@code org.scratchformer.finitediff.FiniteDifferences.central}.
 */
public final class BestStep {
    private BestStep() {
    }

    /**
     * |central difference − exact| for each candidate step, in the order
     * of {@code steps}.
     */
    public static double[] centralErrors(DoubleUnaryOperator f, double x,
            double exact, double[] steps) {
        double[] errors = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            errors[k] = Math.abs(
                    FiniteDifferences.central(f, x, steps[k]) - exact);
        }
        return errors;
    }

    /**
     * The candidate step with the smallest central-difference error; the
     * earliest one on a tie. Throws IllegalArgumentException when
     * {@code steps} is empty.
     */
    public static double bestStep(DoubleUnaryOperator f, double x,
            double exact, double[] steps) {
        if (steps.length == 0) {
            throw new IllegalArgumentException("bestStep: no candidate steps");
        }
        double[] errors = centralErrors(f, x, exact, steps);
        int best = 0;
        for (int k = 1; k < steps.length; k++) {
            if (errors[k] < errors[best]) {
                best = k;
            }
        }
        return steps[best];
    }
}
