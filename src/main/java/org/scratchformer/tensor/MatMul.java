package org.scratchformer.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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
        return CommonOps_DDRM.mult(a, b, null);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dA = CommonOps_DDRM.multTransB(dY, b, null);  // (N, K)
        DMatrixRMaj dB = CommonOps_DDRM.multTransA(a, dY, null);  // (K, M)
        return new Grads(dA, dB);
    }
    // end::backward[]
}
