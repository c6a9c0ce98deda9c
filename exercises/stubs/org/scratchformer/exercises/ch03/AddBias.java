package org.scratchformer.exercises.ch03;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 3.1: add a bias row b (1, C) to every row of X (R, C).
 *
 * <pre>Y = X + 1·b;   dX = ?,  db = ?</pre>
 *
 * Reject a b that is not (1, C) with an IllegalArgumentException whose
 * message starts with "add_bias" and names both shapes as {@code Shapes.of}
 * writes them, such as {@code (2x3)}. Then ask: how many times is each
 * b[j] used?
 */
public final class AddBias extends BinaryOp {
    @Override
    public String name() {
        return "add_bias";
    }

    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj b) {
        throw new UnsupportedOperationException(
                "add b[0][j] to every X[i][j]; check b's shape first");
    }

    @Override
    protected Grads backward(DMatrixRMaj x, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        throw new UnsupportedOperationException(
                "db collects one contribution per row: sumCols or sumRows?");
    }
}
