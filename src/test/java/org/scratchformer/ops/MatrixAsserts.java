package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.function.Executable;
import org.scratchformer.tensor.Shapes;

/** Assertions on matrices and error messages shared by the op tests. */
final class MatrixAsserts {
    private MatrixAsserts() {
    }

    /** Same shape, and every element within {@code tolerance}. */
    static void assertMatrix(double[][] expected, DMatrixRMaj actual,
            double tolerance) {
        assertMatrix(new DMatrixRMaj(expected), actual, tolerance);
    }

    /** Same shape, and every element within {@code tolerance}. */
    static void assertMatrix(DMatrixRMaj expected, DMatrixRMaj actual,
            double tolerance) {
        assertEquals(Shapes.of(expected), Shapes.of(actual), "shape");
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                assertEquals(expected.get(i, j), actual.get(i, j), tolerance,
                        "element (" + i + ", " + j + ")");
            }
        }
    }

    /** Same shape and the same bits in every element. */
    static void assertSameBits(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(Shapes.of(expected), Shapes.of(actual), "shape");
        for (int k = 0; k < expected.getNumElements(); k++) {
            assertEquals(0, Double.compare(expected.get(k), actual.get(k)),
                    "element " + k + ": " + actual.get(k) + " instead of "
                            + expected.get(k));
        }
    }

    /** Runs {@code code}, expects an IllegalArgumentException, checks words. */
    static String assertRejected(Executable code, String... words) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, code);
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + word
                    + "' missing from: " + e.getMessage());
        }
        return e.getMessage();
    }
}
