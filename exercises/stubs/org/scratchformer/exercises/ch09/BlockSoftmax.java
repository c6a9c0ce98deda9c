package org.scratchformer.exercises.ch09;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 9.2: softmax within each head's block of columns, forward and
 * backward.
 *
 * <pre>
 * X (R, H·S): each row holds H blocks of S columns, block h the columns
 * [h·S, (h+1)·S); each block is a distribution of its own.
 *   Y[r, h·S + j] = e^(X[r, h·S + j] − m) / Σₖ e^(X[r, h·S + k] − m),
 *                   m = maxₖ X[r, h·S + k]
 *   dX = Y ⊙ (dY − blockSum(dY ⊙ Y))     within each block
 * </pre>
 *
 * <p>A score of −∞ is a masked key: its weight is exactly 0. Scores of
 * ±1000 must give finite weights. H divides the number of columns.
 * Modify none of the arguments.
 */
final class BlockSoftmax {
    private BlockSoftmax() {
    }

    /** Y (R, H·S), the softmax of each block of each row of X. */
    static DMatrixRMaj forward(DMatrixRMaj x, int heads) {
        throw new UnsupportedOperationException("chapter 5's softmax, one"
                + " block of S columns at a time, its max taken out");
    }

    /** dX (R, H·S) from Y (R, H·S) and dY (R, H·S). */
    static DMatrixRMaj backward(DMatrixRMaj y, DMatrixRMaj dY, int heads) {
        throw new UnsupportedOperationException("dX = Y ⊙ (dY − Σ dY ⊙ Y),"
                + " the sum over the block, not the row");
    }
}
