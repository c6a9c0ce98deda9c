package org.scratchformer.exercises.ch07;

/**
 * Exercise 7.1: one Adam update, by hand, on plain arrays.
 *
 * <p>Update the moments {@code m} and {@code v} with the gradient
 * {@code g}, correct their bias for step {@code t}, and move {@code p}:
 * the four formulas of the chapter's section on Adam, element by element,
 * with no weight decay.
 */
public final class AdamStep {
    private AdamStep() {
    }

    /**
     * Updates {@code p}, {@code m} and {@code v} in place; {@code g} is
     * read only. All four arrays have the same length; t counts from 1.
     */
    public static void step(double[] p, double[] g, double[] m, double[] v,
            int t, double lr, double beta1, double beta2, double eps) {
        throw new UnsupportedOperationException("update m and v, divide by"
                + " 1 − βᵗ, then p −= lr·m̂/(√v̂ + ε)");
    }
}
