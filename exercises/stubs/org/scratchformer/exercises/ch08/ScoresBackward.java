package org.scratchformer.exercises.ch08;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 8.1: the backward of the scores' batched product.
 *
 * <pre>
 * A (B·T, D), B (B·S, D) → Y (B·T, S)
 * for each sequence b:  Y[b] (T, S) = A[b] (T, D) · B[b]ᵀ (D, S)
 * </pre>
 *
 * <p>A[b] is the block of rows [b·T, (b+1)·T) of A, B[b] the rows
 * [b·S, (b+1)·S) of B, and Y[b] the rows [b·T, (b+1)·T) of Y. Sequences
 * never mix: Y[b] depends on A[b] and B[b] only.
 *
 * <p>Given dY = dL/dY (B·T, S), return {@code new Grads(dA, dB)}: dA with
 * A's shape and dB with B's shape. Work block by block, with chapter 5's
 * rule for A·Bᵀ applied to each sequence. Modify none of the arguments.
 */
final class ScoresBackward {
    private ScoresBackward() {
    }

    /** dA (B·T, D) and dB (B·S, D), in that order, for {@code batch} = B. */
    static Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj dY,
            int batch) {
        throw new UnsupportedOperationException("per sequence: dA[b] ="
                + " dY[b]·B[b] and dB[b] = dY[b]ᵀ·A[b]");
    }
}
