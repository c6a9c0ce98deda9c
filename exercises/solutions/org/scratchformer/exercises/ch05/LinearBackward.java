package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Grads;

/**
 * Exercise: the three gradients of a linear layer, Y = X·W + 1·b (a
 * solution).
 *
 * <pre>
 * dX = dY·Wᵀ,  dW = Xᵀ·dY,  db = 1ᵀ·dY  (one sum per column of dY)
 * </pre>
 */
final class LinearBackward {
    private LinearBackward() {
    }

    /** dX (R, K), dW (K, C), db (1, C) from X, W and dY (R, C). */
    static Grads backward(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj dY) {
        DMatrixRMaj dX = CommonOps_DDRM.multTransB(dY, w, null);  // (R, K)
        DMatrixRMaj dW = CommonOps_DDRM.multTransA(x, dY, null);  // (K, C)
        // b was added to every row: sum over rows, one sum per column
        DMatrixRMaj db = CommonOps_DDRM.sumCols(dY, null);        // (1, C)
        return new Grads(dX, dW, db);
    }
}
