package org.scratchformer.exercises.ch10;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 10.3, find the bug: the decoder's causal mask.
 *
 * <pre>
 * B sequences of T positions → M (B·T, T)
 * M[b·T + t, s] = 0   for s ≤ t  (the past and the position itself)
 *               = −∞  for s > t  (the future)
 * </pre>
 *
 * <p>The code below fills a (B·T, T) matrix with 0 and −∞, masks a
 * triangle, and the decoder trained with it reaches a suspiciously low
 * loss. Run the tests, read which position changed when it should not
 * have, and fix the mask.
 */
final class CausalMask {
    private CausalMask() {
    }

    /** M (B·T, T) of 0 and −∞ for {@code batch} sequences of {@code length}. */
    static DMatrixRMaj mask(int batch, int length) {
        DMatrixRMaj m = new DMatrixRMaj(batch * length, length);  // zeros
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                // query t sees keys 0 … t; the future begins after it
                int future = t + 1;
                for (int s = future + 1; s < length; s++) {
                    m.set(b * length + t, s, Double.NEGATIVE_INFINITY);
                }
            }
        }
        return m;
    }
}
