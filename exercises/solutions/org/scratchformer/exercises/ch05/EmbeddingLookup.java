package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exercise 5.4, find the bug: an embedding lookup whose backward is wrong (a
 * solution).
 *
 * <p>The bug: {@code extract} copies, so a row of dW written for one
 * occurrence of an index was overwritten by the next occurrence. A token
 * that appears twice uses its row twice, and both uses must add up:
 * dW[idx[n], :] += dY[n, :]. With distinct indices the two versions agree,
 * which is why the bug survives tests that never repeat an index.
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
            for (int c = 0; c < dY.numCols; c++) {
                // dW[idx[n], :] += dY[n, :]: a repeated index accumulates
                dW.add(v, c, dY.get(n, c));
            }
        }
        return dW;
    }
}
