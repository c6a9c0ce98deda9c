package org.scratchformer.ops;

import java.util.function.DoublePredicate;
import org.ejml.data.DMatrixRMaj;

/**
 * The check that ops with a restricted domain (log, sqrt, pow, the divisor
 * of div) run before they compute: the first element outside the domain
 * is named with its position and value, so a NaN never appears silently.
 */
final class DomainCheck {
    private DomainCheck() {
    }

    /**
     * Throws if an element of {@code m} fails {@code allowed}; the message
     * reads {@code log: element (1,2) is -0.5; log needs positive inputs}.
     *
     * @param op      the op's name
     * @param which   which input, e.g. {@code " of B"}, or empty
     * @param needs   what the op needs, e.g. {@code "positive inputs"}
     */
    static void require(String op, String which, DMatrixRMaj m,
            DoublePredicate allowed, String needs) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                double v = m.get(i, j);
                if (!allowed.test(v)) {
                    throw new IllegalArgumentException(op + ": element ("
                            + i + "," + j + ")" + which + " is " + v + "; "
                            + op + " needs " + needs);
                }
            }
        }
    }
}
