package org.scratchformer.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * Matrix product. PyTorch: mm in derivatives.yaml.
 *
 * <pre>Y = A·B;   dA = dY·Bᵀ,  dB = Aᵀ·dY</pre>
 */
public final class MatMul extends BinaryOp {
    @Override
    public String name() {
        return "matmul";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException(name() + ": cannot multiply "
                    + Shapes.of(a) + " by " + Shapes.of(b) + ": inner sizes "
                    + a.numCols + " and " + b.numRows + " differ");
        }
        // Y (N, M) = A (N, K) · B (K, M)
        return Products.mult(a, b);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dA = Products.multTransB(dY, b);  // (N, K) = dY·Bᵀ
        DMatrixRMaj dB = Products.multTransA(a, dY);  // (K, M) = Aᵀ·dY
        return new Grads(dA, dB);
    }
    // end::backward[]
}
