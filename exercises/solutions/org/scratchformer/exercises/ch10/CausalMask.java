package org.scratchformer.exercises.ch10;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 10.3, find the bug: the decoder's causal mask (a solution).
 *
 * <pre>
 * B sequences of T positions → M (B·T, T)
 * M[b·T + t, s] = 0   for s ≤ t  (the past and the position itself)
 *               = −∞  for s > t  (the future)
 * </pre>
 *
 * <p>The bug: the loop masked from t + 2, so query t also saw key t + 1,
 * the very token it is trained to predict. Nothing crashes and the loss
 * falls fast, because the model learns to copy the next token; at
 * generation time that token does not exist yet. The last query is right
 * either way (it has no future), and with T = 1 the two masks agree.
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
                for (int s = future; s < length; s++) {
                    m.set(b * length + t, s, Double.NEGATIVE_INFINITY);
                }
            }
        }
        return m;
    }
}
