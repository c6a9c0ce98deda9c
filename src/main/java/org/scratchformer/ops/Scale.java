package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Multiplication by a fixed number c (attention's 1/√d_k, a residual
 * scale). PyTorch: mul.Scalar in derivatives.yaml.
 *
 * <pre>Y = c·X;   dX = c·dY</pre>
 */
public final class Scale extends UnaryOp {
    private final double c;

    /** An op that multiplies by {@code c}, which must be finite. */
    public Scale(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("scale: the factor is " + c
                    + "; scale needs a finite number");
        }
        this.c = c;
    }

    /** The factor c. */
    public double factor() {
        return c;
    }

    @Override
    public String name() {
        return "scale";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        CommonOps_DDRM.scale(c, x, y);  // writes Y = c·X into y
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        CommonOps_DDRM.scale(c, dY, dX);  // writes dX = c·dY into dX
        return dX;
    }
    // end::backward[]
}
