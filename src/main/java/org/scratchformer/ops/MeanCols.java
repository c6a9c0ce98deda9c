package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * One mean per column, a row: the average over a batch of rows. PyTorch:
 * mean.dim in derivatives.yaml ({@code x.mean(dim=0, keepdim=True)}).
 *
 * <pre>Y = 1ᵀ·X / R;   dX = 1·dY / R</pre>
 */
public final class MeanCols extends UnaryOp {
    @Override
    public String name() {
        return "mean_cols";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        if (x.numRows == 0) {
            throw new IllegalArgumentException(name() + ": X "
                    + Shapes.of(x) + " has no rows; a column mean needs at"
                    + " least one");
        }
        DMatrixRMaj sums = CommonOps_DDRM.sumCols(x, null);  // (1, C)
        return CommonOps_DDRM.divide(sums, x.numRows, null);  // Y (1, C)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        int r = x.numRows;
        // dX (R, C) = (1/R) · 1 (R, 1) · dY (1, C)
        return CommonOps_DDRM.mult(1.0 / r, Ones.column(r), dY, null);
    }
    // end::backward[]
}
