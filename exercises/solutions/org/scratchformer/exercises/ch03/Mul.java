package org.scratchformer.exercises.ch03;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Exercise 3.2: the elementwise product.
 *
 * <pre>Y = A ⊙ B;   dA = dY ⊙ B,  dB = dY ⊙ A</pre>
 */
public final class Mul extends BinaryOp {
    @Override
    public String name() {
        return "mul";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSame(name(), a, b);
        return CommonOps_DDRM.elementMult(a, b, null);  // Y (R, C)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dA = CommonOps_DDRM.elementMult(dY, b, null);  // (R, C)
        DMatrixRMaj dB = CommonOps_DDRM.elementMult(dY, a, null);  // (R, C)
        return new Grads(dA, dB);
    }
    // end::backward[]
}
