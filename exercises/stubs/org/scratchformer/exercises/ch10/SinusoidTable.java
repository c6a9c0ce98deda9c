package org.scratchformer.exercises.ch10;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 10.1: the sinusoidal positional encoding table.
 *
 * <pre>
 * ωᵢ = 1 / 10000^(2i/C),  i = 0 … C/2 − 1
 * PE(pos, 2i)     = sin(pos · ωᵢ)
 * PE(pos, 2i + 1) = cos(pos · ωᵢ)
 * </pre>
 *
 * <p>Row pos of the (T, C) table is the encoding of position pos, for
 * pos = 0 … T − 1. Throw IllegalArgumentException if C is odd or below 2
 * (every sine needs its cosine), or if T is below 1.
 */
final class SinusoidTable {
    private SinusoidTable() {
    }

    /** PE (T, C) for {@code length} = T positions and {@code width} = C. */
    static DMatrixRMaj table(int length, int width) {
        throw new UnsupportedOperationException("column pair i: sin and cos"
                + " of pos·ωᵢ, ωᵢ = 10000^(−2i/C); check C first");
    }
}
