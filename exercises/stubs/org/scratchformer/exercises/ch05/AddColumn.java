package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 5.2: add_row's mirror image. A column c (R, 1) is added to every
 * column of X (R, C), as when each row is shifted by its own number (its
 * mean, its maximum).
 *
 * <pre>
 * Y (R, C) = X + c·1ᵀ,   Yᵢⱼ = Xᵢⱼ + cᵢ
 * </pre>
 *
 * <p>Write the forward and the backward. dc must have c's shape. EJML
 * names its sums by what they produce: {@code CommonOps_DDRM.sumCols}
 * gives one sum per column, {@code sumRows} one per row.
 */
final class AddColumn {
    private AddColumn() {
    }

    /** Y (R, C) = X + c·1ᵀ; neither argument is modified. */
    static DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj c) {
        throw new UnsupportedOperationException("add column: cᵢ is added"
                + " to every element of row i");
    }

    /** {@code new Grads(dX, dc)}: dX (R, C) and dc (R, 1) from dY (R, C). */
    static Grads backward(DMatrixRMaj dY) {
        throw new UnsupportedOperationException("add column backward: cᵢ"
                + " was used once in every column of row i");
    }
}
