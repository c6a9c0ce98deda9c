package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Elementwise negation. PyTorch: neg in derivatives.yaml.
 *
 * <pre>Y = −X;   dX = −dY</pre>
 */
public final class Neg extends UnaryOp {
    @Override
    public String name() {
        return "neg";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        return CommonOps_DDRM.changeSign(x, null);  // Y (R, C) = −X
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return CommonOps_DDRM.changeSign(dY, null);  // dX (R, C) = −dY
    }
    // end::backward[]
}
