package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Elementwise exponential. PyTorch: exp in derivatives.yaml (which also
 * reuses the result).
 *
 * <pre>Y = eˣ;   dX = dY ⊙ Y  (eˣ is its own derivative)</pre>
 */
public final class Exp extends UnaryOp {
    @Override
    public String name() {
        return "exp";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        return CommonOps_DDRM.elementExp(x, null);  // Y (R, C)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return CommonOps_DDRM.elementMult(dY, y, null);  // dX (R, C)
    }
    // end::backward[]
}
