package org.scratchformer.exercises.ch09;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 9.2: softmax within each head's block of columns, forward and
 * backward (a solution).
 *
 * <p>A block's outputs depend only on its own inputs, so its Jacobian is
 * chapter 5's softmax Jacobian and zero outside the block: the backward is
 * the softmax rule with the sum taken over the block. A sum over the whole
 * row would mix heads, and the tests' gradient check would see it.
 */
final class BlockSoftmax {
    private BlockSoftmax() {
    }

    /** Y (R, H·S), the softmax of each block of each row of X. */
    static DMatrixRMaj forward(DMatrixRMaj x, int heads) {
        int width = x.numCols / heads;  // S
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, H·S)
        for (int r = 0; r < x.numRows; r++) {
            for (int h = 0; h < heads; h++) {
                int from = h * width;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = from; j < from + width; j++) {
                    max = Math.max(max, x.get(r, j));
                }
                double total = 0;
                for (int j = from; j < from + width; j++) {
                    y.set(r, j, Math.exp(x.get(r, j) - max));  // e^−∞ = 0
                    total += y.get(r, j);
                }
                for (int j = from; j < from + width; j++) {
                    y.set(r, j, y.get(r, j) / total);
                }
            }
        }
        return y;
    }

    /** dX (R, H·S) from Y (R, H·S) and dY (R, H·S). */
    static DMatrixRMaj backward(DMatrixRMaj y, DMatrixRMaj dY, int heads) {
        int width = y.numCols / heads;
        DMatrixRMaj dX = new DMatrixRMaj(y.numRows, y.numCols);
        for (int r = 0; r < y.numRows; r++) {
            for (int h = 0; h < heads; h++) {
                int from = h * width;
                double dot = 0;  // blockSum(dY ⊙ Y)
                for (int j = from; j < from + width; j++) {
                    dot += dY.get(r, j) * y.get(r, j);
                }
                for (int j = from; j < from + width; j++) {
                    dX.set(r, j, y.get(r, j) * (dY.get(r, j) - dot));
                }
            }
        }
        return dX;
    }
}
