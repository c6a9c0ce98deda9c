package org.scratchformer.exercises;

import java.util.function.Supplier;
import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;

/**
 * Calls a learner's code and turns a shape error inside it (EJML's
 * {@code MatrixDimensionException}, "dst is too small in rows. 4 &lt; 6",
 * or an {@code IllegalArgumentException}) into a failure that says which
 * call it was, the shapes it was given and the shapes it should return:
 * the usual sign of a transpose left out or put in the wrong place. A
 * stub's hint (UnsupportedOperationException) passes through unchanged.
 */
public final class ShapeErrors {
    private ShapeErrors() {
    }

    /**
     * {@code code}'s result; {@code call} names it with the shapes given,
     * "ScoresBackward.backward(A (6x4), B (4x4), dY (6x2), batch 2)", and
     * {@code expected} says what it returns, "dA (6x4) and dB (4x4)".
     */
    public static <T> T call(String call, String expected,
            Supplier<T> code) {
        try {
            return code.get();
        } catch (MatrixDimensionException | IllegalArgumentException e) {
            AssertionError failure = new AssertionError(call + " should"
                    + " return " + expected + ", but a shape did not fit: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (check which matrices are transposed in each"
                    + " product)");
            failure.setStackTrace(e.getStackTrace());
            throw failure;
        }
    }

    /** "(6x4)": a matrix's rows and columns. */
    public static String shape(DMatrixRMaj m) {
        return "(" + m.numRows + "x" + m.numCols + ")";
    }
}
