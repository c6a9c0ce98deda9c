package org.scratchformer.exercises.ch04;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Exercise 4.1, find the bug: the Gram matrix, the shape of attention
 * scores when queries and keys are the same rows.
 *
 * <pre>Y = X·Xᵀ;   dX = dY·X + dYᵀ·X = (dY + dYᵀ)·X</pre>
 *
 * As A in A·Bᵀ, X gets dY·B = dY·X; as B it gets dYᵀ·A = dYᵀ·X. The two
 * are equal only when dY is symmetric, which a summed loss makes it.
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
        DMatrixRMaj both = CommonOps_DDRM.transpose(dY, null);  // (N, N)
        CommonOps_DDRM.addEquals(both, dY);                     // dY + dYᵀ
        return CommonOps_DDRM.mult(both, x, null);              // (N, D)
    }
    // end::backward[]
}
