package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Elementwise natural logarithm, for positive inputs only. PyTorch: log in
 * derivatives.yaml.
 *
 * <pre>Y = ln X;   dX = dY ⊘ X</pre>
 */
public final class Log extends UnaryOp {
    @Override
    public String name() {
        return "log";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DomainCheck.require(name(), "", x, v -> v > 0, "positive inputs");
        return CommonOps_DDRM.elementLog(x, null);  // Y (R, C)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return CommonOps_DDRM.elementDiv(dY, x, null);  // dX (R, C)
    }
    // end::backward[]
}
