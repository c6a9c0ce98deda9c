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
        throw new UnsupportedOperationException(
                "0 with probability p, else 1/(1 − p); check p first");
    }
}
