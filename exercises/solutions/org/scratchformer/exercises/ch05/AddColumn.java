package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 5.2: add_row's mirror image (a solution).
 *
 * <pre>
 * Y (R, C) = X + c·1ᵀ;   dX = dY,  dc = dY·1  (one sum per row of dY)
 * </pre>
 *
 * <p>cᵢ is used once in every column of row i, so its gradient is the sum
 * of row i of dY: EJML's {@code sumRows}, an (R, 1) column. add_row's bias
 * is the other way round and takes {@code sumCols}.
 */
final class AddColumn {
    private AddColumn() {
    }

    /** Y (R, C) = X + c·1ᵀ; neither argument is modified. */
    static DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj c) {
        if (c.numRows != x.numRows || c.numCols != 1) {
            throw new IllegalArgumentException("add column: c is ("
                    + c.numRows + "x" + c.numCols + ") but must be ("
                    + x.numRows + "x1), one number per row of X");
        }
        DMatrixRMaj y = x.copy();  // (R, C)
        for (int i = 0; i < y.numRows; i++) {
            for (int j = 0; j < y.numCols; j++) {
                y.add(i, j, c.get(i, 0));  // Yᵢⱼ = Xᵢⱼ + cᵢ
            }
        }
        return y;
    }

    /** {@code new Grads(dX, dc)}: dX (R, C) and dc (R, 1) from dY (R, C). */
    static Grads backward(DMatrixRMaj dY) {
        DMatrixRMaj dX = dY.copy();                          // (R, C)
        DMatrixRMaj dc = CommonOps_DDRM.sumRows(dY, null);   // (R, 1)
        return new Grads(dX, dc);
    }
}
