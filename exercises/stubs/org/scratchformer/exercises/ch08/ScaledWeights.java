package org.scratchformer.exercises.ch08;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exercise 8.2, find the bug: the attention weights of one sequence.
 *
 * <pre>
 * Q (T, d_k), K (S, d_k) → P (T, S) = softmax(Q·Kᵀ / √d_k), row by row
 * </pre>
 *
 * <p>The code below runs, returns the right shape, and every row of P
 * sums to 1. It is still wrong, and a gradient check would not notice:
 * the function is smooth, only not the function above. Run the tests,
 * compare the weights that came back with the expected ones, and fix the
 * one line that is wrong.
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
        CommonOps_DDRM.scale(Math.sqrt(dk), scaledK);               // c·K
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
