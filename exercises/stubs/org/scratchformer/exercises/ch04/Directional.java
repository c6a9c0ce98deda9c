package org.scratchformer.exercises.ch04;

import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 4.2: the derivative of f at x along u by central differences,
 * the number fast mode compares with Σ ⟨grad, u⟩.
 *
 * <pre>D_u f(x) ≈ (f(x + h·u) − f(x − h·u)) / 2h</pre>
 */
public final class Directional {
    private Directional() {
    }

    /**
     * Throws IllegalArgumentException if u's shape differs from x's, with
     * a message that names both shapes as {@code Shapes.of} writes them,
     * such as {@code (3x2)} and {@code (2x3)}; and if h is not a positive
     * finite number. Leaves x as it was.
     */
    public static double derivative(ToDoubleFunction<DMatrixRMaj> f,
            DMatrixRMaj x, DMatrixRMaj u, double h) {
        throw new UnsupportedOperationException(
                "evaluate f on two moved copies of x, never on x itself");
    }
}
