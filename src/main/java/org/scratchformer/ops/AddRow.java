package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Adds the row b to every row of X: a bias. PyTorch: add.Tensor in
 * derivatives.yaml with b broadcast, whose gradient is summed back to b's
 * shape.
 *
 * <pre>
 * Y = X + 1·b;   dX = dY,  db = 1ᵀ·dY  (one sum per column of dY)
 * </pre>
 */
public final class AddRow extends BinaryOp {
    @Override
    public String name() {
        return "add_row";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj b) {
        if (b.numRows != 1 || b.numCols != x.numCols) {
            throw new IllegalArgumentException(name() + ": b is "
                    + Shapes.of(b) + " but must be " + Shapes.of(1, x.numCols)
                    + ", one row as wide as X " + Shapes.of(x));
        }
        // Y (R, C) = X + 1·b: b added to every row, 1·b never built
        DMatrixRMaj y = x.copy();
        for (int r = 0; r < y.numRows; r++) {
            for (int c = 0; c < y.numCols; c++) {
                y.data[r * y.numCols + c] += b.data[c];
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj x, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = dY.copy();                            // (R, C)
        // EJML's sumCols gives one sum per column: 1ᵀ·dY
        DMatrixRMaj db = CommonOps_DDRM.sumCols(dY, null);     // (1, C)
        return new Grads(dX, db);
    }
    // end::backward[]
}
