package org.scratchformer.exercises.ch01;

import java.util.function.ToDoubleFunction;

/**
 * Exercise 1.1: the gradient of a function of a vector, by central
 * differences.
 *
 * <p>For each coordinate i, move {@code x[i]} by +h and by −h, evaluate
 * f both times, and take
 * {@code ∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h}. When you return (or
 * when f throws), {@code x} must hold exactly what it held before.
 */
public final class CentralGradient {
    private CentralGradient() {
    }

    /** ∇f(x), one entry per coordinate of {@code x}. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x,
            double h) {
        throw new UnsupportedOperationException(
                "move one x[i] at a time by ±h, take (f₊ − f₋) / 2h, and put"
                        + " x[i] back in a finally block");
    }
}
