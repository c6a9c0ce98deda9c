package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.function.Executable;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.Tensor;

/** Assertions and small helpers shared by the op example tests. */
final class MatrixAssertions {
    /** Hand-computed values are exact up to a few roundings. */
    static final double TOL = 1e-12;

    private MatrixAssertions() {
    }

    static void assertClose(double[][] expected, DMatrixRMaj actual) {
        assertClose(new DMatrixRMaj(expected), actual, TOL, "");
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual,
            String context) {
        assertClose(expected, actual, TOL, context);
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual,
            double tol, String context) {
        assertEquals(Shapes.of(expected), Shapes.of(actual),
                context + ": shape");
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                double e = expected.get(i, j);
                double a = actual.get(i, j);
                if (!(e == a || Math.abs(e - a) <= tol)) {  // e == a: ±∞
                    fail(context + ": element (" + i + "," + j + ") is " + a
                            + ", expected " + e + " (tolerance " + tol
                            + ")");
                }
            }
        }
    }

    /** True if both have the same shape and bit-identical elements. */
    static boolean identical(DMatrixRMaj a, DMatrixRMaj b) {
        if (!Shapes.same(a, b)) {
            return false;
        }
        for (int k = 0; k < a.getNumElements(); k++) {
            if (Double.compare(a.get(k), b.get(k)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The gradients of fresh copies of {@code inputs} after applying
     * {@code f} and backpropagating {@code dY}, in input order.
     */
    static List<DMatrixRMaj> gradients(Function<List<Tensor>, Tensor> f,
            DMatrixRMaj dY, DMatrixRMaj... inputs) {
        List<Tensor> leaves = Arrays.stream(inputs)
                .map(m -> Tensor.variable(m.copy())).toList();
        f.apply(leaves).backward(dY);
        return leaves.stream().map(Tensor::grad).toList();
    }

    static void assertClose(double[][] expected, DMatrixRMaj actual,
            double tol) {
        assertClose(new DMatrixRMaj(expected), actual, tol, "");
    }

    /** Same shape and the same bits in every element. */
    static void assertIdentical(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertClose(expected, actual, 0, "");
        assertTrue(identical(expected, actual), "same values, but a sign of"
                + " zero differs: " + actual + " instead of " + expected);
    }

    /** Expects an IllegalArgumentException whose message has each word. */
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
