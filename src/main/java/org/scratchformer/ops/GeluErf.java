package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.UnaryOp;

/**
 * GELU, the exact form, elementwise: x times the standard normal
 * distribution function Φ. PyTorch: gelu with approximate='none', the
 * default of F.gelu and nn.GELU() (gelu_backward in derivatives.yaml).
 *
 * <pre>
 * Φ(x) = ½·(1 + erf(x/√2)) = ½·erfc(−x/√2),  φ(x) = e^(−x²/2) / √(2π)
 * Y = X ⊙ Φ(X)
 * dX = dY ⊙ (Φ(X) + X ⊙ φ(X))
 * </pre>
 *
 * <p>Φ is computed as ½·erfc(−x/√2) ({@link Erf}): for x &lt; 0 it is
 * small, and 1 + erf(x/√2) would lose its digits to cancellation. The
 * derivative is the product rule with Φ′ = φ. Like {@link GeluTanh},
 * backward recomputes Φ from X rather than storing it.
 */
public final class GeluErf extends UnaryOp {
    static final double SQRT_HALF = Math.sqrt(0.5);
    static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    @Override
    public String name() {
        return "gelu_erf";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            double xk = x.get(k);
            // Y = x·Φ(x),  Φ(x) = ½·erfc(−x/√2)
            y.set(k, xk * normalCdf(xk));
        }
        return y;
    }

    /** Φ(x), the probability that a standard normal is at most x. */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x * SQRT_HALF);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < dX.getNumElements(); k++) {
            double xk = x.get(k);
            double pdf = Math.exp(-0.5 * xk * xk) / SQRT_2PI;  // φ(x)
            // dY/dx = Φ(x) + x·φ(x)
            dX.set(k, dY.get(k) * (normalCdf(xk) + xk * pdf));
        }
        return dX;
    }
    // end::backward[]
}
