package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exercise 5.4, find the bug: an embedding lookup whose backward is wrong.
 *
 * <pre>
 * W (V, C) table, idx (1, N) row numbers, Y (N, C),  Y[n, :] = W[idx[n], :]
 * </pre>
 *
 * <p>The forward is right. The backward looks right and passes a gradient
 * check on some inputs but not on others. Run the tests, read which inputs
 * fail, and fix the one line that is wrong.
 */
final class EmbeddingLookup {
    private EmbeddingLookup() {
    }

    /** Y (N, C): row n is row idx[n] of W. */
    static DMatrixRMaj forward(DMatrixRMaj w, DMatrixRMaj idx) {
        DMatrixRMaj y = new DMatrixRMaj(idx.numCols, w.numCols);  // (N, C)
        for (int n = 0; n < idx.numCols; n++) {
            int v = (int) idx.get(0, n);
            // writes row v of W into row n of y
            CommonOps_DDRM.extract(w, v, v + 1, 0, w.numCols, y, n, 0);
        }
        return y;
    }

    /** dW (V, C) from the indices and dY (N, C). */
    static DMatrixRMaj backward(DMatrixRMaj w, DMatrixRMaj idx,
            DMatrixRMaj dY) {
        DMatrixRMaj dW = new DMatrixRMaj(w.numRows, w.numCols);  // (V, C)
        for (int n = 0; n < idx.numCols; n++) {
            int v = (int) idx.get(0, n);
            // row n of dY goes back to row v of dW
            CommonOps_DDRM.extract(dY, n, n + 1, 0, dY.numCols, dW, v, 0);
        }
        return dW;
    }
}
