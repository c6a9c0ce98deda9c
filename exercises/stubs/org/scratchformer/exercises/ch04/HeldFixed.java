package org.scratchformer.exercises.ch04;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Tensor;

/**
 * Exercise 4.3: which inputs to hold fixed. A masked row lookup takes a
 * table W (V, C) of trainable rows, indices idx (1, N) holding whole row
 * numbers, and a mask M (N, C) of 0 (keep) and −∞ (masked):
 *
 * <pre>Y[n] = W[idx[n]] + M[n]</pre>
 *
 * Wrap the three values as the tensors GradCheck should get, in that order:
 * a variable where a gradient is wanted and meaningful, a constant where not.
 */
public final class HeldFixed {
    private HeldFixed() {
    }

    /** The tensors for (table, indices, mask), in that order. */
    public static Tensor[] inputs(DMatrixRMaj table, DMatrixRMaj indices,
            DMatrixRMaj mask) {
        throw new UnsupportedOperationException(
                "Tensor.variable or Tensor.constant, for each of the three?");
    }
}
