package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 5.1: the backward of a row-wise softmax.
 *
 * <p>Forward is done for you: Y = softmax(X), one distribution per row.
 * Write dX from Y and dY. For one row, the Jacobian is
 * ∂yⱼ/∂xₖ = yⱼ(δⱼₖ − yₖ); multiply dY's row by it without building the
 * C x C matrix. Neither argument may be modified.
 */
final class SoftmaxBackward {
    private SoftmaxBackward() {
    }

    /** dX (R, C) from the output Y (R, C) and the upstream dY (R, C). */
    static DMatrixRMaj dX(DMatrixRMaj y, DMatrixRMaj dY) {
        throw new UnsupportedOperationException("softmax backward: for each"
                + " row, dxₖ = Σⱼ dyⱼ·yⱼ(δⱼₖ − yₖ); simplify the sum first");
    }
}
