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
        for (int i = 0; i < p.length; i++) {
            // m = β₁·m + (1 − β₁)·g;  v = β₂·v + (1 − β₂)·g²
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            // m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ)
            double mHat = m[i] / (1 - Math.pow(beta1, t));
            double vHat = v[i] / (1 - Math.pow(beta2, t));
            // p = p − lr·m̂ / (√v̂ + ε)
            p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
    }
}
