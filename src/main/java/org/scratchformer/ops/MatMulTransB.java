package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Products;
import org.scratchformer.tensor.Shapes;

/**
 * Matrix product with the second factor transposed, without making Bᵀ:
 * attention's scores Q·Kᵀ. PyTorch: mm in derivatives.yaml, applied to
 * {@code a.mm(b.t())}.
 *
 * <pre>Y = A·Bᵀ;   dA = dY·B,  dB = dYᵀ·A</pre>
 */
public final class MatMulTransB extends BinaryOp {
    @Override
    public String name() {
        return "matmul_nt";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException(name() + ": cannot multiply "
                    + Shapes.of(a) + " by the transpose of " + Shapes.of(b)
                    + ": A has " + a.numCols + " columns and B has "
                    + b.numCols + "; A·Bᵀ needs equal column counts");
        }
        // Y (N, M) = A (N, K) · Bᵀ (K, M)
        return Products.multTransB(a, b);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dA = Products.mult(dY, b);        // (N, K) = dY·B
        DMatrixRMaj dB = Products.multTransA(dY, a);  // (M, K) = dYᵀ·A
        return new Grads(dA, dB);
    }
    // end::backward[]
}
