package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * One sum per row, a column. PyTorch: sum.dim_IntList in derivatives.yaml
 * ({@code x.sum(dim=1, keepdim=True)}).
 *
 * <pre>Y = X·1;   dX = dY·1ᵀ  (each row of dX is that row's dY)</pre>
 */
public final class SumRows extends UnaryOp {
    @Override
    public String name() {
        return "sum_rows";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        // EJML's sumRows gives one sum per row
        return CommonOps_DDRM.sumRows(x, null);  // Y (R, 1)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX (R, C) = dY (R, 1) · 1ᵀ (1, C)
        return CommonOps_DDRM.mult(dY, Ones.row(x.numCols), null);
    }
    // end::backward[]
}
