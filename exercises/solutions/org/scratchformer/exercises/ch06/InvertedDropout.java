package org.scratchformer.exercises.ch06;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 6.4: the mask of inverted dropout.
 *
 * <p>Each element is dropped (0) with probability p and kept otherwise.
 * Kept elements are scaled so that the mask's expected value is 1: then
 * Y = X ⊙ M has E[Y] = X, and evaluation needs no rescaling.
 */
public final class InvertedDropout {
    private InvertedDropout() {
    }

    /**
     * M (rows, cols) of 0 and the keep value, one draw of random per
     * element; p must be in [0, 1) (IllegalArgumentException otherwise).
     */
    public static DMatrixRMaj mask(int rows, int cols, double p,
            Random random) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout: p must be in"
                    + " [0, 1), got " + p);
        }
        double keep = 1 / (1 - p);  // (1 − p) · keep = 1
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);  // (rows, cols)
        for (int k = 0; k < m.getNumElements(); k++) {
            m.set(k, random.nextDouble() < p ? 0 : keep);
        }
        return m;
    }
}
