package org.scratchformer.exercises.ch08;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exercise 8.2, find the bug: the attention weights of one sequence (a
 * solution).
 *
 * <pre>
 * Q (T, d_k), K (S, d_k) → P (T, S) = softmax(Q·Kᵀ / √d_k), row by row
 * </pre>
 *
 * <p>The bug: c must be 1/√d_k, and the stub used √d_k. Scaling K by
 * √d_k multiplies the scores by √d_k instead of dividing them by it, so
 * their variance is d_k² instead of 1: at d_k = 64 the softmax is almost
 * one-hot and passes almost no gradient. With d_k = 1 the two agree,
 * which is why a test on one-column queries misses it. Scaling K (or Q)
 * by c instead of the scores is fine in itself, and cheaper.
 */
final class ScaledWeights {
    private ScaledWeights() {
    }

    /** P (T, S), the weights of each query over the S keys. */
    static DMatrixRMaj weights(DMatrixRMaj q, DMatrixRMaj k) {
        int dk = q.numCols;
        // Q·(c·K)ᵀ = c·Q·Kᵀ: scaling the S keys once is cheaper than
        // scaling all T·S scores
        DMatrixRMaj scaledK = k.copy();
        CommonOps_DDRM.scale(1 / Math.sqrt(dk), scaledK);           // c·K
        DMatrixRMaj p = CommonOps_DDRM.multTransB(q, scaledK, null);  // (T, S)
        softmaxRows(p);
        return p;
    }

    /** Replaces each row of {@code p} by its softmax, the max taken out. */
    static void softmaxRows(DMatrixRMaj p) {
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
    }
}
