package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;

/**
 * Exercise: the three gradients of a linear layer, Y = X·W + 1·b.
 *
 * <pre>
 * X (R, K) inputs, W (K, C) weights, b (1, C) bias added to every row,
 * Y (R, C)
 * </pre>
 *
 * <p>Return {@code new Grads(dX, dW, db)}, each with its input's shape.
 * b is used once in every row of Y: its gradient is a sum. EJML names the
 * sums by what they produce: {@code CommonOps_DDRM.sumCols} gives one sum
 * per column, {@code sumRows} one per row. Pick the one with b's shape.
 */
final class LinearBackward {
    private LinearBackward() {
    }

    /** dX (R, K), dW (K, C), db (1, C) from X, W and dY (R, C). */
    static Grads backward(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj dY) {
        throw new UnsupportedOperationException("linear backward: dX and dW"
                + " as for matmul; db has b's shape (1, C)");
    }
}
