package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Vectors of ones: the 1 in {@code Y = X + 1·b}, {@code y = X·1} and
 * {@code dX = dY·1ᵀ}. Multiplying by one of them broadcasts a row or a
 * column, or sums one away.
 */
final class Ones {
    private Ones() {
    }

    /** A column of {@code n} ones, (n, 1). */
    static DMatrixRMaj column(int n) {
        DMatrixRMaj ones = new DMatrixRMaj(n, 1);  // (n, 1)
        CommonOps_DDRM.fill(ones, 1.0);
        return ones;
    }

    /** A row of {@code n} ones, (1, n). */
    static DMatrixRMaj row(int n) {
        DMatrixRMaj ones = new DMatrixRMaj(1, n);  // (1, n)
        CommonOps_DDRM.fill(ones, 1.0);
        return ones;
    }
}
