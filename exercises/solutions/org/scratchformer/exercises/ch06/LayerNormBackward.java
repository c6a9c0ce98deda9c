package org.scratchformer.exercises.ch06;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 6.2: the input gradient of layer normalisation.
 *
 * <pre>
 * per row of C features:
 *   μ = mean(x),  σ² = mean((x − μ)²),  rstd = 1/√(σ² + ε)
 *   x̂ = (x − μ)·rstd,  y = γ ⊙ x̂ + β
 * </pre>
 *
 * <p>Given dY = dL/dy, return dX = dL/dx. Work one row at a time: with
 * g = dY ⊙ γ, the chain rule through x̂, μ and σ² collapses to three
 * terms. The chapter derives them; try it on paper first.
 */
public final class LayerNormBackward {
    private LayerNormBackward() {
    }

    /** dX (R, C) from x (R, C), γ (1, C), dY (R, C) and ε. */
    public static DMatrixRMaj dX(DMatrixRMaj x, DMatrixRMaj gamma,
            DMatrixRMaj dY, double epsilon) {
        int cols = x.numCols;
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, cols);  // (R, C)
        for (int r = 0; r < x.numRows; r++) {
            double mu = 0;
            for (int c = 0; c < cols; c++) {
                mu += x.get(r, c) / cols;
            }
            double variance = 0;
            for (int c = 0; c < cols; c++) {
                double d = x.get(r, c) - mu;
                variance += d * d / cols;
            }
            double rstd = 1 / Math.sqrt(variance + epsilon);
            double meanG = 0;      // mean(g)
            double meanGXHat = 0;  // mean(g ⊙ x̂)
            for (int c = 0; c < cols; c++) {
                double g = dY.get(r, c) * gamma.get(0, c);
                double xHat = (x.get(r, c) - mu) * rstd;
                meanG += g / cols;
                meanGXHat += g * xHat / cols;
            }
            for (int c = 0; c < cols; c++) {
                double g = dY.get(r, c) * gamma.get(0, c);
                double xHat = (x.get(r, c) - mu) * rstd;
                // dx = rstd · (g − mean(g) − x̂ ⊙ mean(g ⊙ x̂))
                dX.set(r, c, rstd * (g - meanG - xHat * meanGXHat));
            }
        }
        return dX;
    }
}
