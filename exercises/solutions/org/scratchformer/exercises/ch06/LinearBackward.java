package org.scratchformer.exercises.ch06;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
        DMatrixRMaj dX = CommonOps_DDRM.multTransB(dY, w, null);  // dY·Wᵀ
        DMatrixRMaj dW = CommonOps_DDRM.multTransA(x, dY, null);  // Xᵀ·dY
        DMatrixRMaj db = CommonOps_DDRM.sumCols(dY, null);        // 1ᵀ·dY
        return new Grads(dX, dW, db);
    }
}
