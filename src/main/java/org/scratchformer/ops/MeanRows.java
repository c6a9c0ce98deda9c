package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * One mean per row, a column: layer norm's mean over the features.
 * PyTorch: mean.dim in derivatives.yaml
 * ({@code x.mean(dim=1, keepdim=True)}).
 *
 * <pre>Y = X·1 / C;   dX = dY·1ᵀ / C</pre>
 */
public final class MeanRows extends UnaryOp {
    @Override
    public String name() {
        return "mean_rows";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        if (x.numCols == 0) {
            throw new IllegalArgumentException(name() + ": X "
                    + Shapes.of(x) + " has no columns; a row mean needs at"
                    + " least one");
        }
        DMatrixRMaj sums = CommonOps_DDRM.sumRows(x, null);  // (R, 1)
        return CommonOps_DDRM.divide(sums, x.numCols, null);  // Y (R, 1)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        int c = x.numCols;
        // dX (R, C) = (1/C) · dY (R, 1) · 1ᵀ (1, C)
        return CommonOps_DDRM.mult(1.0 / c, dY, Ones.row(c), null);
    }
    // end::backward[]
}
