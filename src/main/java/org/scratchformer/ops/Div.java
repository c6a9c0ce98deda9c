package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Elementwise quotient. PyTorch: div.Tensor in derivatives.yaml.
 *
 * <pre>
 * Y = A ⊘ B;   dA = dY ⊘ B,  dB = −dY ⊙ A ⊘ B² = −dA ⊙ Y
 * </pre>
 *
 * <p>Every element of B must be nonzero: a zero divisor is an error, not
 * an infinity in the output.
 */
public final class Div extends BinaryOp {
    @Override
    public String name() {
        return "div";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSame(name(), a, b);
        DomainCheck.require(name(), " of B", b, v -> v != 0,
                "nonzero divisors");
        return CommonOps_DDRM.elementDiv(a, b, null);  // Y (R, C) = A ⊘ B
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dA = CommonOps_DDRM.elementDiv(dY, b, null);  // (R, C)
        // dB = −dY ⊙ A ⊘ B² = −(dY ⊘ B) ⊙ (A ⊘ B) = −dA ⊙ Y
        DMatrixRMaj dB = CommonOps_DDRM.elementMult(dA, y, null);  // (R, C)
        CommonOps_DDRM.changeSign(dB);  // in place: dB is our own matrix
        return new Grads(dA, dB);
    }
    // end::backward[]
}
