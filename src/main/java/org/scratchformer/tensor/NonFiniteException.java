package org.scratchformer.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * A NaN or an infinity where the numbers must be finite: an op that refuses
 * such an input, a loss or a gradient that training cannot step on. It is
 * an {@link IllegalArgumentException} because the op was handed a value it
 * cannot use; the program tells it apart as a numerical failure.
 */
public class NonFiniteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NonFiniteException(String message) {
        super(message);
    }

    /** The index in {@code m.data} of its first NaN or infinity, or -1. */
    public static int firstIndex(DMatrixRMaj m) {
        for (int k = 0; k < m.getNumElements(); k++) {
            if (!Double.isFinite(m.data[k])) {
                return k;
            }
        }
        return -1;
    }
}
