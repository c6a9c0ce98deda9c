package org.scratchformer.exercises.ch04;

import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Shapes;

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
    // tag::derivative[]
    public static double derivative(ToDoubleFunction<DMatrixRMaj> f,
            DMatrixRMaj x, DMatrixRMaj u, double h) {
        if (!Shapes.same(x, u)) {
            throw new IllegalArgumentException("directional derivative:"
                    + " direction " + Shapes.of(u) + " must have x's shape "
                    + Shapes.of(x));
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("directional derivative:"
                    + " step must be a positive finite number, got " + h);
        }
        return (f.applyAsDouble(moved(x, u, h))
                - f.applyAsDouble(moved(x, u, -h))) / (2 * h);
    }

    /** A new matrix x + ε·u; x is not modified. */
    private static DMatrixRMaj moved(DMatrixRMaj x, DMatrixRMaj u,
            double epsilon) {
        DMatrixRMaj moved = new DMatrixRMaj(x.numRows, x.numCols);
        for (int k = 0; k < x.getNumElements(); k++) {
            moved.set(k, x.get(k) + epsilon * u.get(k));
        }
        return moved;
    }
    // end::derivative[]
}
