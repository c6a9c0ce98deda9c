package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.UnaryOp;

/**
 * Rectified linear unit, elementwise. PyTorch: relu (threshold_backward)
 * in derivatives.yaml.
 *
 * <pre>Y = max(0, X);   dX = dY ⊙ [X &gt; 0]</pre>
 *
 * <p>At x = 0 the function has a kink; as in PyTorch the gradient there is
 * taken to be 0. Gradient checks keep their inputs away from 0.
 */
public final class Relu extends UnaryOp {
    @Override
    public String name() {
        return "relu";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            y.set(k, Math.max(0, x.get(k)));
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX = dY where X > 0, else 0
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < dX.getNumElements(); k++) {
            dX.set(k, x.get(k) > 0 ? dY.get(k) : 0);
        }
        return dX;
    }
    // end::backward[]
}
