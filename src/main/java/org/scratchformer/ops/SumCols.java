package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * One sum per column, a row: the bias gradient. PyTorch: sum.dim_IntList
 * in derivatives.yaml ({@code x.sum(dim=0, keepdim=True)}).
 *
 * <pre>Y = 1ᵀ·X;   dX = 1·dY  (each column of dX is that column's dY)</pre>
 */
public final class SumCols extends UnaryOp {
    @Override
    public String name() {
        return "sum_cols";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        // EJML's sumCols gives one sum per column
        return CommonOps_DDRM.sumCols(x, null);  // Y (1, C)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX (R, C) = 1 (R, 1) · dY (1, C)
        return CommonOps_DDRM.mult(Ones.column(x.numRows), dY, null);
    }
    // end::backward[]
}
