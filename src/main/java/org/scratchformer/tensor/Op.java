package org.scratchformer.tensor;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A differentiable operation: forward and backward side by side.
 *
 * <p>An op is a small immutable class. It may hold configuration (a scale
 * factor, a slice range) but never state from a forward pass: whatever
 * backward needs, it receives again as {@code x} and {@code y}. It never
 * modifies its inputs and never accumulates gradients: it returns them, and
 * the {@link Engine} adds them up.
 */
// tag::op[]
public interface Op {
    /** The op's name as errors, the registry and the book print it. */
    String name();

    /** Checks the shapes of {@code x} and returns the output Y. */
    DMatrixRMaj forward(List<DMatrixRMaj> x);

    /** Given dL/dY, returns dL/dx for every input, in input order. */
    Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y, DMatrixRMaj dY);

    /** Runs forward and records the result in the graph. */
    default Tensor apply(Tensor... inputs) {
        return Engine.apply(this, inputs);
    }
}
// end::op[]
