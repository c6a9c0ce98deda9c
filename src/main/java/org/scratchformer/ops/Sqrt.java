package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Elementwise square root, for inputs ≥ 0. PyTorch: sqrt in
 * derivatives.yaml (which also reuses the result).
 *
 * <pre>Y = √X;   dX = dY ⊘ (2Y)</pre>
 *
 * <p>At x = 0 the slope is infinite, and so is the gradient.
 */
public final class Sqrt extends UnaryOp {
    @Override
    public String name() {
        return "sqrt";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DomainCheck.require(name(), "", x, v -> v >= 0, "inputs ≥ 0");
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            y.set(k, Math.sqrt(x.get(k)));
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dYOverY = CommonOps_DDRM.elementDiv(dY, y, null);
        return CommonOps_DDRM.divide(dYOverY, 2, null);  // dX (R, C)
    }
    // end::backward[]
}
