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
        throw new UnsupportedOperationException(
                "per row: rstd · (g − mean(g) − x̂ ⊙ mean(g ⊙ x̂)), g = dY ⊙ γ");
    }
}
