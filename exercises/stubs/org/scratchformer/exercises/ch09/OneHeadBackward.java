package org.scratchformer.exercises.ch09;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 9.3: the backward of attention for one head, as the fused op
 * derives it.
 *
 * <pre>
 * Q (T, D), K (S, D), V (S, E), c = 1/√D
 *   P = softmax(c·Q·Kᵀ)   (T, S), row by row
 *   Y = P·V               (T, E)
 * </pre>
 *
 * <p>Given dY (T, E), return {@code new Grads(dQ, dK, dV)}, each with the
 * shape of its input. An op keeps nothing from its forward pass, so
 * recompute P with {@link #weights}, which is done for you. In multi-head
 * attention E = D; here the value width E may differ, so that a product
 * taken the wrong way round fails instead of passing by luck. Modify none
 * of the arguments.
 */
final class OneHeadBackward {
    private OneHeadBackward() {
    }

    /** dQ (T, D), dK (S, D), dV (S, E), in that order. */
    static Grads backward(DMatrixRMaj q, DMatrixRMaj k, DMatrixRMaj v,
            DMatrixRMaj dY) {
        throw new UnsupportedOperationException("dV = Pᵀ·dY, dP = dY·Vᵀ, dZ ="
                + " P ⊙ (dP − rowSum(dP ⊙ P)), dQ = c·dZ·K, dK = c·dZᵀ·Q");
    }

    /** P (T, S) = softmax(Q·Kᵀ/√D), row by row. Given. */
    static DMatrixRMaj weights(DMatrixRMaj q, DMatrixRMaj k) {
        DMatrixRMaj p = CommonOps_DDRM.multTransB(q, k, null);  // (T, S)
        CommonOps_DDRM.scale(1 / Math.sqrt(q.numCols), p);
        for (int i = 0; i < p.numRows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < p.numCols; j++) {
                max = Math.max(max, p.get(i, j));
            }
            double total = 0;
            for (int j = 0; j < p.numCols; j++) {
                p.set(i, j, Math.exp(p.get(i, j) - max));
                total += p.get(i, j);
            }
            for (int j = 0; j < p.numCols; j++) {
                p.set(i, j, p.get(i, j) / total);
            }
        }
        return p;
    }
}
