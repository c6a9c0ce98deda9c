package org.scratchformer.exercises.ch01;

import java.util.function.DoubleUnaryOperator;

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
        throw new UnsupportedOperationException(
                "for each h: the absolute difference between"
                        + " (f(x + h) − f(x − h)) / 2h and exact");
    }

    /**
     * The candidate step with the smallest central-difference error; the
     * earliest one on a tie. Throws IllegalArgumentException when
     * {@code steps} is empty.
     */
    public static double bestStep(DoubleUnaryOperator f, double x,
            double exact, double[] steps) {
        throw new UnsupportedOperationException(
                "use centralErrors and return the step at the smallest error");
    }
}
