package org.scratchformer.exercises.ch09;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 9.1, find the bug: one head of one sequence, read out of the
 * batch (a solution).
 *
 * <p>The bug: the stub read X's numbers as if they were laid out
 * (B, H, T, D), head by head, which is PyTorch's {@code x.view(B, H, T, D)}
 * of a (B, T, C) tensor: a reshape before the transpose. In row-major
 * (B·T, H·D) a head is not contiguous: row t of the head is D numbers in
 * row b·T + t of X, and the next row of X starts H·D numbers later. The
 * stub's copy is right only when T = 1 or H = 1, where the two layouts
 * coincide. It takes each number of X once over all b and h, so a test
 * that only counts or sums the numbers misses it.
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
        for (int i = 0; i < t; i++) {
            // row i of the head: D numbers from column h·D of row b·T + i
            System.arraycopy(x.data, (b * t + i) * x.numCols + h * d,
                    head.data, i * d, d);
        }
        return head;
    }
}
