package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.UnaryOp;

/**
 * Logistic sigmoid, elementwise. PyTorch: sigmoid in derivatives.yaml.
 *
 * <pre>Y = 1 / (1 + e⁻ˣ);   dX = dY ⊙ Y ⊙ (1 − Y)</pre>
 *
 * <p>For x &lt; 0 the same value is computed as eˣ / (1 + eˣ): e⁻ˣ would
 * overflow to ∞ at x = −1000, while eˣ only underflows to 0, so Y stays
 * in [0, 1] for every finite x.
 */
public final class Sigmoid extends UnaryOp {
    @Override
    public String name() {
        return "sigmoid";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            y.set(k, sigmoid(x.get(k)));
        }
        return y;
    }

    /** σ(x), with e raised only to a non-positive power. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double ex = Math.exp(x);  // in (0, 1): no overflow
        return ex / (1 + ex);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX = dY ⊙ Y ⊙ (1 − Y)
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < dX.getNumElements(); k++) {
            double yk = y.get(k);
            dX.set(k, dY.get(k) * yk * (1 - yk));
        }
        return dX;
    }
    // end::backward[]
}
