package org.scratchformer.multihead;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * Softmax within each head's block of a row: scores (B·T, H·S) hold H
 * blocks of S columns, and each block is a distribution of its own.
 * PyTorch: softmax(dim=-1) on the (B, H, T, S) view.
 *
 * <pre>
 * Y[r, h·S + j] = e^(X[r, h·S + j] − m) / Σₖ e^(X[r, h·S + k] − m),
 *                 m = maxₖ X[r, h·S + k]
 * dX = Y ⊙ (dY − blockSum(dY ⊙ Y))   within each block
 * </pre>
 *
 * <p>Chapter 5's softmax rule, applied to each block: a block's outputs
 * depend only on its own inputs. −∞ is a masked score; a block that is −∞
 * everywhere, NaN or +∞ is an error naming the row and the head.
 */
public final class HeadSoftmax extends UnaryOp {
    private final int heads;

    /** Softmax over each of {@code heads} equal column blocks. */
    public HeadSoftmax(int heads) {
        if (heads < 1) {
            throw new IllegalArgumentException("head_softmax: heads must be"
                    + " at least 1, got " + heads);
        }
        this.heads = heads;
    }

    @Override
    public String name() {
        return "head_softmax";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        if (x.numCols % heads != 0) {
            throw new IllegalArgumentException(name() + ": X "
                    + Shapes.of(x) + " has " + x.numCols + " columns, not a"
                    + " multiple of the head count " + heads);
        }
        int width = x.numCols / heads;  // S
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (B·T, H·S)
        for (int r = 0; r < x.numRows; r++) {
            for (int h = 0; h < heads; h++) {
                int from = r * x.numCols + h * width;
                double max = blockMax(x, r, h, from, width);
                double total = 0;
                for (int j = from; j < from + width; j++) {
                    y.data[j] = Math.exp(x.data[j] - max);  // in [0, 1]
                    total += y.data[j];
                }
                for (int j = from; j < from + width; j++) {
                    y.data[j] /= total;
                }
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        int width = y.numCols / heads;
        DMatrixRMaj dX = new DMatrixRMaj(y.numRows, y.numCols);
        for (int r = 0; r < y.numRows; r++) {
            for (int h = 0; h < heads; h++) {
                int from = r * y.numCols + h * width;
                double dot = 0;  // blockSum(dY ⊙ Y)
                for (int j = from; j < from + width; j++) {
                    dot += dY.data[j] * y.data[j];
                }
                for (int j = from; j < from + width; j++) {
                    // dX = Y ⊙ (dY − blockSum(dY ⊙ Y))
                    dX.data[j] = y.data[j] * (dY.data[j] - dot);
                }
            }
        }
        return dX;
    }
    // end::backward[]

    private double blockMax(DMatrixRMaj x, int row, int head, int from,
            int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + width; j++) {
            double v = x.data[j];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                throw new NonFiniteException(name() + ": X "
                        + Shapes.of(x) + " holds " + v + " in row " + row
                        + ", head " + head + "; scores must be finite, or"
                        + " −∞ for a masked position");
            }
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(name() + ": row " + row
                    + ", head " + head + " of X " + Shapes.of(x) + " is −∞"
                    + " everywhere (every key masked); each block needs at"
                    + " least one finite score");
        }
        return max;
    }
}
