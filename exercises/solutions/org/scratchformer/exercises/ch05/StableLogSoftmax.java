package org.scratchformer.exercises.ch05;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 5.3: log-softmax over each row that stays finite for scores of
 * ±1000, and its backward (a solution).
 *
 * <pre>
 * Yᵢⱼ = Xᵢⱼ − mᵢ − ln Σₖ e^(Xᵢₖ − mᵢ),  mᵢ = maxₖ Xᵢₖ
 * dX = dY − e^Y ⊙ rowSum(dY)
 * </pre>
 *
 * <p>Every exponent is at most 0, and the sum inside the logarithm is at
 * least 1 (the maximum's own term), so neither e nor ln can overflow.
 */
final class StableLogSoftmax {
    private StableLogSoftmax() {
    }

    /** Y (R, C) = log-softmax of each row of X (R, C); X is not modified. */
    static DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int i = 0; i < x.numRows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < x.numCols; j++) {
                max = Math.max(max, x.get(i, j));
            }
            double total = 0;  // Σₖ e^(Xᵢₖ − mᵢ) ≥ 1
            for (int j = 0; j < x.numCols; j++) {
                total += Math.exp(x.get(i, j) - max);
            }
            double logSumExp = max + Math.log(total);
            for (int j = 0; j < x.numCols; j++) {
                y.set(i, j, x.get(i, j) - logSumExp);
            }
        }
        return y;
    }

    /** dX (R, C) from the output Y (R, C) and the upstream dY (R, C). */
    static DMatrixRMaj backward(DMatrixRMaj y, DMatrixRMaj dY) {
        // dX = dY − softmax(X) ⊙ rowSum(dY), softmax(X) = e^Y
        DMatrixRMaj dX = new DMatrixRMaj(y.numRows, y.numCols);  // (R, C)
        for (int i = 0; i < y.numRows; i++) {
            double total = 0;  // rowSum(dY) for row i
            for (int j = 0; j < y.numCols; j++) {
                total += dY.get(i, j);
            }
            for (int j = 0; j < y.numCols; j++) {
                dX.set(i, j, dY.get(i, j) - Math.exp(y.get(i, j)) * total);
            }
        }
        return dX;
    }
}
