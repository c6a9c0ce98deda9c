package org.scratchformer.attention;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Shapes;

/**
 * How a batch sits in one matrix: B sequences stacked as rows, each T rows
 * long, and H heads side by side as column blocks. Sequence b is the row
 * block [b·T, (b+1)·T); head h is the column block [h·D, (h+1)·D).
 *
 * @param batch  B, the number of sequences
 * @param heads  H, the number of column blocks
 */
record BatchLayout(int batch, int heads) {

    BatchLayout {
        if (batch < 1 || heads < 1) {
            throw new IllegalArgumentException("batch and heads must be at"
                    + " least 1, got batch " + batch + ", heads " + heads);
        }
    }

    /** The rows per sequence of {@code m}, checking that B divides them. */
    int rowsPerSequence(String op, String what, DMatrixRMaj m) {
        if (m.numRows % batch != 0) {
            throw new IllegalArgumentException(op + ": " + what + " "
                    + Shapes.of(m) + " has " + m.numRows + " rows, not a"
                    + " multiple of the batch size " + batch);
        }
        return m.numRows / batch;
    }

    /** The columns per head of {@code m}, checking that H divides them. */
    int colsPerHead(String op, String what, DMatrixRMaj m) {
        if (m.numCols % heads != 0) {
            throw new IllegalArgumentException(op + ": " + what + " "
                    + Shapes.of(m) + " has " + m.numCols + " columns, not"
                    + " a multiple of the head count " + heads);
        }
        return m.numCols / heads;
    }
}
