package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.UnaryOp;

/**
 * GELU in its tanh approximation, elementwise. PyTorch: gelu with
 * approximate='tanh' (gelu_backward in derivatives.yaml), as in
 * nn.GELU(approximate='tanh').
 * It differs from the exact {@link GeluErf} by up to 4.7e-4 (at
 * |x| ≈ 2.7); GPT-2 and BERT were trained with it.
 *
 * <pre>
 * u = √(2/π) · (x + 0.044715·x³),  t = tanh(u)
 * Y = 0.5 · x · (1 + t)
 * dX = dY ⊙ (0.5·(1 + t) + 0.5·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²))
 * </pre>
 *
 * <p>Backward needs t, which is a function of x and not of Y, so it
 * recomputes t from X.
 */
public final class GeluTanh extends UnaryOp {
    static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    static final double CUBIC = 0.044715;

    @Override
    public String name() {
        return "gelu_tanh";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            double xk = x.get(k);
            // Y = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
            double t = Math.tanh(SQRT_2_OVER_PI * (xk + CUBIC * xk * xk * xk));
            y.set(k, 0.5 * xk * (1 + t));
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < dX.getNumElements(); k++) {
            double xk = x.get(k);
            double t = Math.tanh(SQRT_2_OVER_PI * (xk + CUBIC * xk * xk * xk));
            double du = SQRT_2_OVER_PI * (1 + 3 * CUBIC * xk * xk);  // du/dx
            // dY/dx = 0.5·(1 + t) + 0.5·x·(1 − t²)·du/dx
            double slope = 0.5 * (1 + t) + 0.5 * xk * (1 - t * t) * du;
            dX.set(k, dY.get(k) * slope);
        }
        return dX;
    }
    // end::backward[]
}
