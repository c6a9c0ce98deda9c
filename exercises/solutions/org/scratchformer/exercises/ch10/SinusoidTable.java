package org.scratchformer.exercises.ch10;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 10.1: the sinusoidal positional encoding table (a solution).
 *
 * <p>The exponent is 2i/C with i the pair, not the column: columns 2i and
 * 2i + 1 share one frequency. Math.pow(10000, −2i/C) and
 * exp(−2i·ln(10000)/C), the form many tutorials use, agree to rounding.
 */
final class SinusoidTable {
    private SinusoidTable() {
    }

    /** PE (T, C) for {@code length} = T positions and {@code width} = C. */
    static DMatrixRMaj table(int length, int width) {
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("the width must be even and"
                    + " at least 2, got " + width);
        }
        if (length < 1) {
            throw new IllegalArgumentException("the length must be at least"
                    + " 1, got " + length);
        }
        DMatrixRMaj pe = new DMatrixRMaj(length, width);  // (T, C)
        for (int i = 0; i < width / 2; i++) {
            double omega = Math.pow(10000, -2.0 * i / width);  // ωᵢ
            for (int pos = 0; pos < length; pos++) {
                pe.set(pos, 2 * i, Math.sin(pos * omega));
                pe.set(pos, 2 * i + 1, Math.cos(pos * omega));
            }
        }
        return pe;
    }
}
