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
 * Only W is differentiable: an index moved by h is no index at all, and the
 * mask is data the model does not learn, so the op returns no gradient for
 * it (null) while central differences would measure one.
 */
public final class HeldFixed {
    private HeldFixed() {
    }

    // tag::inputs[]
    /** The tensors for (table, indices, mask), in that order. */
    public static Tensor[] inputs(DMatrixRMaj table, DMatrixRMaj indices,
            DMatrixRMaj mask) {
        return new Tensor[] {
            Tensor.variable(table),     // checked element by element
            Tensor.constant(indices),   // integers: no derivative
            Tensor.constant(mask)       // data: held fixed
        };
    }
    // end::inputs[]
}
