package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Shapes;

/** Matrix comparisons shared by the layer tests. */
final class NnAssertions {
    private NnAssertions() {
    }

    static void assertClose(double[][] expected, DMatrixRMaj actual,
            double tol, String context) {
        assertClose(new DMatrixRMaj(expected), actual, tol, context);
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual,
            double tol, String context) {
        assertEquals(Shapes.of(expected), Shapes.of(actual),
                context + ": shape");
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                double e = expected.get(i, j);
                double a = actual.get(i, j);
                if (!(Math.abs(e - a) <= tol)) {
                    fail(context + ": element (" + i + "," + j + ") is " + a
                            + ", expected " + e + " (tolerance " + tol
                            + ")");
                }
            }
        }
    }

    /** Same shape and bit-identical elements. */
    static void assertIdentical(DMatrixRMaj expected, DMatrixRMaj actual,
            String context) {
        assertClose(expected, actual, 0, context);
    }
}
