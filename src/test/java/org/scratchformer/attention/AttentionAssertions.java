package org.scratchformer.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.function.Executable;
import org.scratchformer.gradcheck.RandomCases;

/** Helpers shared by the attention tests. */
final class AttentionAssertions {
    private AttentionAssertions() {
    }

    static DMatrixRMaj random(Random random, int rows, int cols) {
        return RandomCases.values(random, rows, cols);
    }

    /** Rows [from, to) of {@code a} and {@code b} agree to {@code tol}. */
    static void assertRowsClose(DMatrixRMaj a, DMatrixRMaj b, int from,
            int to, double tol, String what) {
        for (int r = from; r < to; r++) {
            for (int c = 0; c < a.numCols; c++) {
                assertEquals(a.get(r, c), b.get(r, c), tol, what + ": row "
                        + r + ", column " + c);
            }
        }
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual,
            double tol, String what) {
        assertEquals(expected.numRows, actual.numRows, what + ": rows");
        assertEquals(expected.numCols, actual.numCols, what + ": columns");
        assertRowsClose(expected, actual, 0, expected.numRows, tol, what);
    }

    /** The code throws IllegalArgumentException naming every word. */
    static String assertRejected(Executable code, String... words) {
        String message = assertThrows(IllegalArgumentException.class, code)
                .getMessage();
        for (String word : words) {
            assertTrue(message.contains(word), "'" + word
                    + "' missing from: " + message);
        }
        return message;
    }
}
