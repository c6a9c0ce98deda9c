package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.UnaryOp;

/**
 * Hyperbolic tangent, elementwise. PyTorch: tanh in derivatives.yaml.
 *
 * <pre>Y = tanh(X);   dX = dY ⊙ (1 − Y²)</pre>
 *
 * <p>The derivative is written with the output Y, which backward receives
 * anyway: no second tanh is computed.
 */
public final class Tanh extends UnaryOp {
    @Override
    public String name() {
        return "tanh";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            y.set(k, Math.tanh(x.get(k)));
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX = dY ⊙ (1 − Y²)
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < dX.getNumElements(); k++) {
            double yk = y.get(k);
            dX.set(k, dY.get(k) * (1 - yk * yk));
        }
        return dX;
    }
    // end::backward[]
}
