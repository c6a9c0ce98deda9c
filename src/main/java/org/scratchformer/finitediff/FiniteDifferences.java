package org.scratchformer.finitediff;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Derivatives estimated from function values alone.
 *
 * <p>Every formula here comes from Taylor's theorem,
 * {@code f(x ± h) = f(x) ± h f'(x) + h²/2 f''(x) ± h³/6 f'''(x) + ...},
 * and trades two errors: truncation (the dropped Taylor terms, smaller for
 * small h) and rounding (the cancellation in {@code f(x + h) − f(x)},
 * larger for small h). Gradient checks use {@link #central} in double
 * precision with h near 1e-6.
 */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    // tag::forward[]
    /** The forward difference of {@code f} at {@code x}; error O(h). */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        // f'(x) = (f(x + h) − f(x)) / h − h/2 f''(ξ)
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }
    // end::forward[]

    // tag::backward[]
    /** The backward difference of {@code f} at {@code x}; error O(h). */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        // f'(x) = (f(x) − f(x − h)) / h + h/2 f''(ξ)
        return (f.applyAsDouble(x) - f.applyAsDouble(x - h)) / h;
    }
    // end::backward[]

    // tag::central[]
    /** The central difference of {@code f} at {@code x}; error O(h²). */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        // f'(x) = (f(x + h) − f(x − h)) / 2h − h²/6 f'''(ξ)
        // the h² f''(x)/2 terms of the two Taylor series cancel
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
    // end::central[]

    /**
     * The gradient of a scalar function of a vector, by central differences.
     *
     * <p>Entries of {@code x} are moved one at a time, in place, so that
     * {@code f} may also read them through a reference of its own (a
     * model's parameters). Each entry is put back before the next one
     * moves, and before this method returns or throws.
     */
    // tag::gradient[]
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x,
            double h) {
        checkStep(h);
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            try {
                // ∂f/∂xᵢ = (f(x + h eᵢ) − f(x − h eᵢ)) / 2h + O(h²)
                x[i] = xi + h;
                double fPlus = f.applyAsDouble(x);
                x[i] = xi - h;
                double fMinus = f.applyAsDouble(x);
                grad[i] = (fPlus - fMinus) / (2 * h);
            } finally {
                x[i] = xi;  // also when f throws
            }
        }
        return grad;
    }
    // end::gradient[]

    /**
     * The Jacobian of a vector function, by central differences:
     * {@code J[i][j] = ∂fᵢ/∂xⱼ}, one row per output and one column per
     * input. Moves {@code x} in place and restores it as
     * {@link #gradient} does; copies what {@code f} returns, so {@code f}
     * may reuse one output array.
     */
    // tag::jacobian[]
    public static double[][] jacobian(Function<double[], double[]> f,
            double[] x, double h) {
        checkStep(h);
        if (x.length == 0) {
            return new double[f.apply(x).length][0];
        }
        double[][] jacobian = null;  // (m, n), sized by the first output
        for (int j = 0; j < x.length; j++) {
            double xj = x[j];
            double[] fPlus;
            double[] fMinus;
            try {
                x[j] = xj + h;
                fPlus = f.apply(x).clone();
                x[j] = xj - h;
                fMinus = f.apply(x).clone();
            } finally {
                x[j] = xj;
            }
            if (jacobian == null) {
                jacobian = new double[fPlus.length][x.length];
            }
            checkOutputs(jacobian.length, fPlus, fMinus);
            for (int i = 0; i < fPlus.length; i++) {
                // ∂fᵢ/∂xⱼ = (fᵢ(x + h eⱼ) − fᵢ(x − h eⱼ)) / 2h + O(h²)
                jacobian[i][j] = (fPlus[i] - fMinus[i]) / (2 * h);
            }
        }
        return jacobian;
    }
    // end::jacobian[]

    private static void checkOutputs(int m, double[] fPlus, double[] fMinus) {
        if (fPlus.length != m || fMinus.length != m) {
            throw new IllegalArgumentException("jacobian: f returned "
                    + fPlus.length + " and " + fMinus.length
                    + " outputs where it first returned " + m);
        }
    }

    // tag::check-step[]
    private static void checkStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {  // !(h > 0) also catches NaN
            throw new IllegalArgumentException(
                    "the step h must be positive and finite, got " + h);
        }
    }
    // end::check-step[]
}
