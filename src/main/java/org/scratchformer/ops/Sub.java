package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Elementwise difference. PyTorch: sub.Tensor in derivatives.yaml.
 *
 * <pre>Y = A − B;   dA = dY,  dB = −dY</pre>
 */
public final class Sub extends BinaryOp {
    @Override
    public String name() {
        return "sub";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSame(name(), a, b);
        return CommonOps_DDRM.subtract(a, b, null);  // Y (R, C) = A − B
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dA = dY.copy();                           // (R, C)
        DMatrixRMaj dB = CommonOps_DDRM.changeSign(dY, null);  // (R, C)
        return new Grads(dA, dB);
    }
    // end::backward[]
}
