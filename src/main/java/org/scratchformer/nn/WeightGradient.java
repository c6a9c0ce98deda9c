package org.scratchformer.nn;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Products;

/**
 * A weight's gradient, dW = Xᵀ·dZ, as a seam: the backward of
 * {@link LinearOp} and {@link LinearReluOp} asks the version installed with
 * {@link LinearOp#use} for it, {@link #PLAIN} unless chapter 13 installed
 * its own. Any version returns a matrix of its own holding PLAIN's bits.
 */
// tag::weight-gradient[]
@FunctionalInterface
public interface WeightGradient {
    /** dW (in, out) = Xᵀ (in, N) · dZ (N, out), in a matrix of its own. */
    DMatrixRMaj of(DMatrixRMaj x, DMatrixRMaj dZ);

    /** A new matrix for every call. */
    WeightGradient PLAIN = Products::multTransA;
}
// end::weight-gradient[]
