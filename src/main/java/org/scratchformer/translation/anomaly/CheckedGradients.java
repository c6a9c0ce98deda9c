package org.scratchformer.translation.anomaly;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;

/**
 * The engine's accumulator in anomaly mode: before {@code inner} adds a
 * gradient, it is checked. A NaN or an infinity that an op's backward
 * returned although everything it read (its inputs, its output, dY) was
 * finite began there, and the op is named. One that came from a forward
 * pass already wrong is left to {@link ForwardCheck}, which finds where it
 * began. Holds nothing but {@code inner}, so threads may share it.
 */
public final class CheckedGradients implements GradientAccumulator {
    private final GradientAccumulator inner;

    /** Checks every gradient, then adds it with {@code inner}. */
    public CheckedGradients(GradientAccumulator inner) {
        if (inner == null) {
            throw new IllegalArgumentException("CheckedGradients: the"
                    + " accumulator to check for must not be null");
        }
        this.inner = inner;
    }

    /** The accumulator that adds the checked gradients. */
    public GradientAccumulator inner() {
        return inner;
    }

    // tag::add[]
    @Override
    public void add(Tensor output, Grads grads, int i) {
        DMatrixRMaj g = grads.get(i);
        if (!Culprits.allFinite(g) && readOnlyFiniteNumbers(output)) {
            throw new NonFiniteException("backward pass: "
                    + Culprits.firstNonFinite(g) + " first appears in the"
                    + " gradient " + g.numRows + "x" + g.numCols + " for"
                    + " input " + i + " that the backward of "
                    + Culprits.op(output) + " returned");
        }
        inner.add(output, grads, i);
    }
    // end::add[]

    /** Whether the op's inputs, its output Y and dY are all finite. */
    private static boolean readOnlyFiniteNumbers(Tensor output) {
        return Culprits.allFinite(output.value())
                && Culprits.allFinite(output.grad())
                && output.inputs().stream().allMatch(
                        x -> Culprits.allFinite(x.value()));
    }
}
