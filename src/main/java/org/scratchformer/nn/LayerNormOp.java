package org.scratchformer.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Shapes;

/**
 * Layer normalisation of each row, fused into one op with a hand-derived
 * backward. PyTorch: native_layer_norm in derivatives.yaml.
 *
 * <pre>
 * per row of C features:
 *   μ = mean(x),  σ² = mean((x − μ)²),  rstd = 1/√(σ² + ε)
 *   x̂ = (x − μ)·rstd,  y = γ ⊙ x̂ + β
 * backward, with g = dY ⊙ γ:
 *   dβ = Σ_rows dY,  dγ = Σ_rows dY ⊙ x̂
 *   dx = rstd · (g − mean(g) − x̂ ⊙ mean(g ⊙ x̂))
 * </pre>
 *
 * <p>Nothing is saved between forward and backward: backward recomputes μ
 * and rstd from X, which costs one pass over the row and keeps the op
 * stateless.
 */
public final class LayerNormOp implements Op {
    /** PyTorch's default ε, added to the variance before the root. */
    public static final double DEFAULT_EPSILON = 1e-5;
    private final double epsilon;

    public LayerNormOp(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("layer_norm: epsilon must be"
                    + " positive and finite, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "layer_norm";
    }

    // tag::forward[]
    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> inputs) {
        checkShapes(inputs);
        DMatrixRMaj x = inputs.get(0);      // (R, C)
        DMatrixRMaj gamma = inputs.get(1);  // (1, C)
        DMatrixRMaj beta = inputs.get(2);   // (1, C)
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int r = 0; r < x.numRows; r++) {  // each row on its own
            double mu = mean(x, r);
            double rstd = rstd(x, r, mu);
            for (int c = 0; c < x.numCols; c++) {
                double xHat = (x.get(r, c) - mu) * rstd;
                y.set(r, c, gamma.get(c) * xHat + beta.get(c));  // γ⊙x̂ + β
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    public Grads backward(List<DMatrixRMaj> inputs, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj x = inputs.get(0);
        DMatrixRMaj gamma = inputs.get(1);
        int rows = x.numRows;
        int cols = x.numCols;
        DMatrixRMaj dX = new DMatrixRMaj(rows, cols);       // (R, C)
        DMatrixRMaj dGamma = new DMatrixRMaj(1, cols);      // (1, C)
        DMatrixRMaj dBeta = new DMatrixRMaj(1, cols);       // (1, C)
        for (int r = 0; r < rows; r++) {  // each row on its own
            double mu = mean(x, r);
            double rstd = rstd(x, r, mu);
            double meanG = 0;       // mean(g), g = dY ⊙ γ
            double meanGXHat = 0;   // mean(g ⊙ x̂)
            for (int c = 0; c < cols; c++) {
                double g = dY.get(r, c) * gamma.get(c);
                double xHat = (x.get(r, c) - mu) * rstd;
                meanG += g / cols;
                meanGXHat += g * xHat / cols;
            }
            for (int c = 0; c < cols; c++) {
                double g = dY.get(r, c) * gamma.get(c);
                double xHat = (x.get(r, c) - mu) * rstd;
                // dx = rstd · (g − mean(g) − x̂ ⊙ mean(g ⊙ x̂))
                dX.set(r, c, rstd * (g - meanG - xHat * meanGXHat));
                dBeta.add(0, c, dY.get(r, c));           // Σ_rows dY
                dGamma.add(0, c, dY.get(r, c) * xHat);   // Σ_rows dY ⊙ x̂
            }
        }
        return new Grads(dX, dGamma, dBeta);
    }
    // end::backward[]

    private static double mean(DMatrixRMaj x, int r) {
        double total = 0;
        for (int c = 0; c < x.numCols; c++) {
            total += x.get(r, c);
        }
        return total / x.numCols;
    }

    /**
     * rstd = 1/√(σ² + ε) of row r, whose mean is mu; σ² is the biased
     * variance, as PyTorch's layer_norm uses.
     */
    private double rstd(DMatrixRMaj x, int r, double mu) {
        double total = 0;
        for (int c = 0; c < x.numCols; c++) {
            double d = x.get(r, c) - mu;
            total += d * d;
        }
        return 1 / Math.sqrt(total / x.numCols + epsilon);
    }

    private void checkShapes(List<DMatrixRMaj> inputs) {
        Shapes.requireArity(name(), 3, inputs.size());
        DMatrixRMaj x = inputs.get(0);
        for (int i = 1; i < 3; i++) {
            DMatrixRMaj p = inputs.get(i);
            if (p.numRows != 1 || p.numCols != x.numCols) {
                throw new IllegalArgumentException(name() + ": "
                        + (i == 1 ? "gain" : "bias") + " must be "
                        + Shapes.of(1, x.numCols) + " for input "
                        + Shapes.of(x) + ", got " + Shapes.of(p));
            }
        }
    }
}
