package org.scratchformer.exercises.ch04;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Exercise 4.1, find the bug: the Gram matrix, the shape of attention
 * scores when queries and keys are the same rows.
 *
 * <pre>Y = X·Xᵀ</pre>
 *
 * The backward below passes the shape check and looks right, but it is
 * wrong. Run the test, read GradCheck's report, fix backward.
 */
public final class Gram extends UnaryOp {
    @Override
    public String name() {
        return "gram";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        return CommonOps_DDRM.multTransB(x, x, null);  // Y (N, N) = X·Xᵀ
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // X is used twice, so its gradient is twice dY·X
        DMatrixRMaj dX = CommonOps_DDRM.mult(dY, x, null);  // (N, D)
        CommonOps_DDRM.scale(2, dX);
        return dX;
    }
    // end::backward[]
}
