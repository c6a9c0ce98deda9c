package org.scratchformer.tensor;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradients an op's backward returns, one per input and in input order:
 * {@code new Grads(dA, dB)}. An entry may be {@code null} for an input that
 * takes no gradient (a mask, a list of indices).
 */
public final class Grads {
    private final DMatrixRMaj[] perInput;

    public Grads(DMatrixRMaj... perInput) {
        this.perInput = perInput.clone();
    }

    /** How many inputs the gradients are for. */
    public int size() {
        return perInput.length;
    }

    /** The gradient for input {@code i}, or null if it takes none. */
    public DMatrixRMaj get(int i) {
        return perInput[i];
    }

    @Override
    public String toString() {
        return "Grads" + Arrays.toString(Arrays.stream(perInput)
                .map(g -> g == null ? "none" : Shapes.of(g)).toArray());
    }
}
