package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Transpose: rows become columns. PyTorch: t in derivatives.yaml.
 *
 * <pre>Y = Xᵀ;   dX = dYᵀ</pre>
 */
public final class Transpose extends UnaryOp {
    @Override
    public String name() {
        return "transpose";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        return CommonOps_DDRM.transpose(x, null);  // Y (C, R) = X (R, C)ᵀ
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return CommonOps_DDRM.transpose(dY, null);  // dX (R, C) = dY (C, R)ᵀ
    }
    // end::backward[]
}
