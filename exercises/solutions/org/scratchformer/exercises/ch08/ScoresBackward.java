package org.scratchformer.exercises.ch08;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 8.1: the backward of the scores' batched product (a solution).
 *
 * <pre>
 * for each sequence b:  Y[b] = A[b]·B[b]ᵀ
 *   dA[b] (T, D) = dY[b] (T, S) · B[b] (S, D)
 *   dB[b] (S, D) = dY[b]ᵀ (S, T) · A[b] (T, D)
 * </pre>
 *
 * <p>Every element of dA and dB belongs to exactly one sequence's block,
 * so each block is written once and nothing is added across sequences.
 */
final class ScoresBackward {
    private ScoresBackward() {
    }

    /** dA (B·T, D) and dB (B·S, D), in that order, for {@code batch} = B. */
    static Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj dY,
            int batch) {
        int t = a.numRows / batch;
        int s = b.numRows / batch;
        int d = a.numCols;
        DMatrixRMaj dA = new DMatrixRMaj(a.numRows, d);  // (B·T, D)
        DMatrixRMaj dB = new DMatrixRMaj(b.numRows, d);  // (B·S, D)
        for (int seq = 0; seq < batch; seq++) {
            for (int i = 0; i < t; i++) {
                int row = seq * t + i;        // query row of A, dY
                for (int j = 0; j < s; j++) {
                    int key = seq * s + j;    // key row of B
                    double g = dY.get(row, j);
                    // dA[row] += dY[row, j]·B[key]
                    // dB[key] += dY[row, j]·A[row]
                    for (int c = 0; c < d; c++) {
                        dA.add(row, c, g * b.get(key, c));
                        dB.add(key, c, g * a.get(row, c));
                    }
                }
            }
        }
        return new Grads(dA, dB);
    }
}
