package org.scratchformer.exercises.ch09;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 9.4, find the bug: the attention weights of every head of a
 * batch.
 *
 * <pre>
 * Q (B·T, H·D), K (B·S, H·D) → P (B·T, H·S)
 * for each sequence b and head h, with D the head width:
 *   P[b]ₕ (T, S) = softmax(Q[b]ₕ · K[b]ₕᵀ / √D), row by row
 * </pre>
 *
 * <p>X[b]ₕ is the block of rows of sequence b and columns of head h; head
 * h of P is the columns [h·S, (h+1)·S). The code below reads every block
 * in the right place, and with one head it is right. Run the tests with
 * more heads and fix it.
 */
final class HeadWeights {
    private HeadWeights() {
    }

    /** P (B·T, H·S) for {@code batch} = B sequences of {@code heads} = H. */
    static DMatrixRMaj weights(DMatrixRMaj q, DMatrixRMaj k, int batch,
            int heads) {
        int t = q.numRows / batch;
        int s = k.numRows / batch;
        int d = q.numCols / heads;
        double c = 1 / Math.sqrt(q.numCols);  // 1/√d_k, d_k the query width
        DMatrixRMaj p = new DMatrixRMaj(q.numRows, heads * s);  // (B·T, H·S)
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < t; i++) {
                    int row = b * t + i;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < s; j++) {
                        double dot = 0;  // Q[b]ₕ row i · K[b]ₕ row j
                        for (int e = h * d; e < (h + 1) * d; e++) {
                            dot += q.get(row, e) * k.get(b * s + j, e);
                        }
                        p.set(row, h * s + j, c * dot);
                        max = Math.max(max, c * dot);
                    }
                    double total = 0;
                    for (int j = h * s; j < (h + 1) * s; j++) {
                        p.set(row, j, Math.exp(p.get(row, j) - max));
                        total += p.get(row, j);
                    }
                    for (int j = h * s; j < (h + 1) * s; j++) {
                        p.set(row, j, p.get(row, j) / total);
                    }
                }
            }
        }
        return p;
    }
}
