package org.scratchformer.exercises.ch03;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Exercise 3.1: add a bias row b (1, C) to every row of X (R, C).
 *
 * <pre>Y = X + 1·b;   dX = dY,  db = 1ᵀ·dY = sumCols(dY)</pre>
 *
 * b is used once per row, so its gradient adds up one contribution per row.
 */
public final class AddBias extends BinaryOp {
    @Override
    public String name() {
        return "add_bias";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj b) {
        if (b.numRows != 1 || b.numCols != x.numCols) {
            throw new IllegalArgumentException(name() + ": bias "
                    + Shapes.of(b) + " must be one row as wide as X "
                    + Shapes.of(x));
        }
        DMatrixRMaj y = x.copy();  // Y (R, C)
        for (int i = 0; i < y.numRows; i++) {
            for (int j = 0; j < y.numCols; j++) {
                y.add(i, j, b.get(0, j));
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj x, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = dY.copy();                           // (R, C)
        DMatrixRMaj db = CommonOps_DDRM.sumCols(dY, null);    // (1, C)
        return new Grads(dX, db);
    }
    // end::backward[]
}
