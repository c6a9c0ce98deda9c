package org.scratchformer.tensor;

import org.ejml.data.DMatrixRMaj;

/** Shape formatting and the checks every op runs before it computes. */
public final class Shapes {
    private Shapes() {
    }

    /** A shape as the error messages print it: {@code (2x3)}. */
    public static String of(DMatrixRMaj m) {
        return "(" + m.numRows + "x" + m.numCols + ")";
    }

    /** A shape as the error messages print it: {@code (2x3)}. */
    public static String of(int rows, int cols) {
        return "(" + rows + "x" + cols + ")";
    }

    public static boolean same(DMatrixRMaj a, DMatrixRMaj b) {
        return a.numRows == b.numRows && a.numCols == b.numCols;
    }

    /** Elementwise ops need equal shapes; the message names the op. */
    public static void requireSame(String op, DMatrixRMaj a, DMatrixRMaj b) {
        if (!same(a, b)) {
            throw new IllegalArgumentException(op + ": shapes " + of(a)
                    + " and " + of(b) + " differ; an elementwise op needs"
                    + " equal shapes");
        }
    }

    /** Checks the number of inputs an op was given. */
    public static void requireArity(String op, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(op + ": takes " + expected
                    + " input" + (expected == 1 ? "" : "s") + ", got "
                    + actual);
        }
    }
}
