package org.scratchformer.exercises.ch06;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 6.1: the backward pass of a linear layer.
 *
 * <pre>
 * Y (N, C) = X (N, K) · W (K, C) + 1·b,   b (1, C) added to every row
 * </pre>
 *
 * <p>Return {@code new Grads(dX, dW, db)}. The bias was copied into all N
 * rows of Y, so each row's dY reaches it: db has one sum per column of dY.
 */
public final class LinearBackward {
    private LinearBackward() {
    }

    /** dX (N, K), dW (K, C), db (1, C) from X, W and dY (N, C). */
    public static Grads backward(DMatrixRMaj x, DMatrixRMaj w,
            DMatrixRMaj dY) {
        throw new UnsupportedOperationException(
                "dX = dY·Wᵀ, dW = Xᵀ·dY, db = one sum per column of dY");
    }
}
