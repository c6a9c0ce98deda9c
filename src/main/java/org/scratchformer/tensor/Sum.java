package org.scratchformer.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Sum of all elements, a 1x1 result: the usual last op before backward.
 *
 * <pre>y = Σᵢⱼ Xᵢⱼ;   dX = dy · 1  (every element gets dy)</pre>
 */
public final class Sum extends UnaryOp {
    @Override
    public String name() {
        return "sum";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        double total = CommonOps_DDRM.elementSum(x);
        return new DMatrixRMaj(1, 1, true, total);  // y (1, 1)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        CommonOps_DDRM.fill(dX, dY.get(0));
        return dX;
    }
    // end::backward[]
}
