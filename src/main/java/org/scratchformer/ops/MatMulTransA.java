package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Products;
import org.scratchformer.tensor.Shapes;

/**
 * Matrix product with the first factor transposed, without making Aᵀ:
 * the weight gradient Xᵀ·dY of a linear layer. PyTorch: mm in
 * derivatives.yaml, applied to {@code a.t().mm(b)}.
 *
 * <pre>Y = Aᵀ·B;   dA = B·dYᵀ,  dB = A·dY</pre>
 */
public final class MatMulTransA extends BinaryOp {
    @Override
    public String name() {
        return "matmul_tn";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException(name() + ": cannot multiply"
                    + " the transpose of " + Shapes.of(a) + " by "
                    + Shapes.of(b) + ": A has " + a.numRows + " rows and B"
                    + " has " + b.numRows + "; Aᵀ·B needs equal row counts");
        }
        // Y (N, M) = Aᵀ (N, K) · B (K, M)
        return Products.multTransA(a, b);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dA = Products.multTransB(b, dY);  // (K, N) = B·dYᵀ
        DMatrixRMaj dB = Products.mult(a, dY);        // (K, M) = A·dY
        return new Grads(dA, dB);
    }
    // end::backward[]
}
