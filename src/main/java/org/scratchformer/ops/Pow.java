package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.UnaryOp;

/**
 * Elementwise power with a fixed exponent p. PyTorch: pow.Tensor_Scalar in
 * derivatives.yaml.
 *
 * <pre>Y = Xᵖ;   dX = p · dY ⊙ X^(p−1)</pre>
 *
 * <p>The domain depends on p: any x when p is a whole number ≥ 0; x ≠ 0
 * when p is a negative whole number; x ≥ 0 for other p > 0; x > 0 for
 * other p &lt; 0. The backward uses X^(p−1) rather than p·Y ⊘ X, which
 * would divide by zero at x = 0.
 */
public final class Pow extends UnaryOp {
    private final double p;

    /** An op that raises to the power {@code p}, which must be finite. */
    public Pow(double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("pow: the exponent is " + p
                    + "; pow needs a finite number");
        }
        this.p = p;
    }

    /** The exponent p. */
    public double exponent() {
        return p;
    }

    @Override
    public String name() {
        return "pow";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        requireDomain(x);
        return CommonOps_DDRM.elementPower(x, p, null);  // Y (R, C)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // slope (R, C) = p · X^(p−1), the derivative of xᵖ
        DMatrixRMaj slope = CommonOps_DDRM.elementPower(x, p - 1, null);
        CommonOps_DDRM.scale(p, slope);  // in place: slope is our own
        return CommonOps_DDRM.elementMult(dY, slope, null);  // dX (R, C)
    }
    // end::backward[]

    private void requireDomain(DMatrixRMaj x) {
        boolean whole = p == Math.rint(p);
        String forP = " for the exponent " + p;
        if (whole && p < 0) {
            DomainCheck.require(name(), "", x, v -> v != 0,
                    "nonzero inputs" + forP);
        } else if (!whole && p > 0) {
            DomainCheck.require(name(), "", x, v -> v >= 0,
                    "inputs ≥ 0" + forP);
        } else if (!whole) {
            DomainCheck.require(name(), "", x, v -> v > 0,
                    "positive inputs" + forP);
        }
    }
}
