package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 5.3: log-softmax over each row that stays finite for scores of
 * ±1000, and its backward.
 *
 * <pre>
 * Yᵢⱼ = Xᵢⱼ − ln Σₖ e^Xᵢₖ
 * </pre>
 *
 * <p>Written as it stands, e^1000 overflows to ∞ and the answer is NaN;
 * ln(softmax(X)) instead gives ln 0 = −∞ for a score far below the others.
 * Find a form with no positive exponent. For backward, the derivative of
 * ln Σₖ e^xₖ with respect to xⱼ is softmax(x)ⱼ, and softmax(X) = e^Y.
 */
final class StableLogSoftmax {
    private StableLogSoftmax() {
    }

    /** Y (R, C) = log-softmax of each row of X (R, C); X is not modified. */
    static DMatrixRMaj forward(DMatrixRMaj x) {
        throw new UnsupportedOperationException("stable log-softmax:"
                + " subtract each row's maximum before exponentiating");
    }

    /** dX (R, C) from the output Y (R, C) and the upstream dY (R, C). */
    static DMatrixRMaj backward(DMatrixRMaj y, DMatrixRMaj dY) {
        throw new UnsupportedOperationException("log-softmax backward:"
                + " dxⱼ = dyⱼ − softmax(x)ⱼ·Σₖ dyₖ for each row");
    }
}
