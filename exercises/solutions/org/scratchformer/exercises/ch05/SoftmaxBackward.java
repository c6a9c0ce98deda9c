package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 5.1: the backward of a row-wise softmax (a solution).
 *
 * <p>For one row, dxₖ = Σⱼ dyⱼ·yⱼ(δⱼₖ − yₖ) = yₖ·dyₖ − yₖ·Σⱼ dyⱼ·yⱼ: one
 * dot product per row, O(C) work instead of a C x C Jacobian.
 */
final class SoftmaxBackward {
    private SoftmaxBackward() {
    }

    /** dX (R, C) from the output Y (R, C) and the upstream dY (R, C). */
    static DMatrixRMaj dX(DMatrixRMaj y, DMatrixRMaj dY) {
        // dX = Y ⊙ (dY − rowSum(dY ⊙ Y))
        DMatrixRMaj dX = new DMatrixRMaj(y.numRows, y.numCols);  // (R, C)
        for (int i = 0; i < y.numRows; i++) {
            double dot = 0;  // ⟨dy, y⟩ for row i
            for (int j = 0; j < y.numCols; j++) {
                dot += dY.get(i, j) * y.get(i, j);
            }
            for (int j = 0; j < y.numCols; j++) {
                dX.set(i, j, y.get(i, j) * (dY.get(i, j) - dot));
            }
        }
        return dX;
    }
}
