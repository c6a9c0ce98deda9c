package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * Softmax over each row. PyTorch: _softmax (_softmax_backward_data) in
 * derivatives.yaml.
 *
 * <pre>
 * Y = softmax(X) row-wise:  Yᵢⱼ = e^(Xᵢⱼ − mᵢ) / Σₖ e^(Xᵢₖ − mᵢ),
 *                           mᵢ = maxₖ Xᵢₖ
 * dX = Y ⊙ (dY − rowSum(dY ⊙ Y))
 * </pre>
 *
 * <p>Subtracting the row max changes nothing in exact arithmetic (the
 * factor e^(−mᵢ) cancels) but keeps every exponent ≤ 0, so e never
 * overflows and the largest term is exactly 1.
 *
 * <p>A score of −∞ is a masked position: its weight is exactly 0. A row
 * that is −∞ everywhere has no distribution at all; rather than return a
 * row of NaN that would hide the masking bug until much later, forward
 * throws an IllegalArgumentException naming the row. NaN and +∞ scores are
 * rejected too, with its subclass {@code NonFiniteException}: a numerical
 * failure upstream, not a masking bug.
 */
public final class Softmax extends UnaryOp {
    @Override
    public String name() {
        return "softmax";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int i = 0; i < x.numRows; i++) {
            double max = rowMax(name(), x, i);
            double total = 0;
            for (int j = 0; j < x.numCols; j++) {
                double e = Math.exp(x.get(i, j) - max);  // in [0, 1]
                y.set(i, j, e);
                total += e;
            }
            for (int j = 0; j < x.numCols; j++) {
                y.set(i, j, y.get(i, j) / total);
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX = Y ⊙ (dY − rowSum(dY ⊙ Y))
        DMatrixRMaj dX = new DMatrixRMaj(y.numRows, y.numCols);  // (R, C)
        for (int i = 0; i < y.numRows; i++) {
            double dot = 0;  // rowSum(dY ⊙ Y) for row i
            for (int j = 0; j < y.numCols; j++) {
                dot += dY.get(i, j) * y.get(i, j);
            }
            for (int j = 0; j < y.numCols; j++) {
                dX.set(i, j, y.get(i, j) * (dY.get(i, j) - dot));
            }
        }
        return dX;
    }
    // end::backward[]

    /**
     * The largest score of row {@code i}, after checking that the row has
     * at least one finite score and holds no NaN or +∞.
     */
    static double rowMax(String op, DMatrixRMaj x, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < x.numCols; j++) {
            double v = x.get(i, j);
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                throw new NonFiniteException(op + ": X " + Shapes.of(x)
                        + " holds " + v + " at (" + i + ", " + j + "); scores"
                        + " must be finite, or −∞ for a masked position");
            }
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(op + ": row " + i + " of X "
                    + Shapes.of(x) + " is −∞ everywhere (every position"
                    + " masked); each row needs at least one finite score");
        }
        return max;
    }
}
