package org.scratchformer.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Elementwise sum. PyTorch: add in derivatives.yaml.
 *
 * <pre>Y = A + B;   dA = dY,  dB = dY</pre>
 */
public final class Add extends BinaryOp {
    @Override
    public String name() {
        return "add";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSame(name(), a, b);
        return CommonOps_DDRM.add(a, b, null);  // Y (R, C) = A + B
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // the engine owns dY: hand each input its own copy
        return new Grads(dY.copy(), dY.copy());
    }
    // end::backward[]
}
