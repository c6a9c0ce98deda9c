package org.scratchformer.exercises.ch09;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 9.1, find the bug: one head of one sequence, read out of the
 * batch.
 *
 * <pre>
 * X (B·T, H·D): sequence b is the rows [b·T, (b+1)·T),
 *               head h is the columns [h·D, (h+1)·D)
 * head(X, b, h) (T, D):  element (t, j) = X[b·T + t, h·D + j]
 * </pre>
 *
 * <p>The code below copies T·D numbers, returns a (T, D) matrix, and is
 * right on some shapes. Run the tests, compare the expected block with
 * what came back, and fix the copy.
 */
final class SplitHeads {
    private SplitHeads() {
    }

    /** Head h of sequence b, (T, D), for a batch of B sequences and H heads. */
    static DMatrixRMaj head(DMatrixRMaj x, int batch, int heads, int b,
            int h) {
        int t = x.numRows / batch;
        int d = x.numCols / heads;
        DMatrixRMaj head = new DMatrixRMaj(t, d);  // (T, D)
        // sequence b holds T·H·D numbers, one block of T·D per head
        int from = (b * heads + h) * t * d;
        System.arraycopy(x.data, from, head.data, 0, t * d);
        return head;
    }
}
