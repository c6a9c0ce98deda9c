package org.scratchformer.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A finding's relative error and where it says it is. */
class MismatchTest {

    @Test
    void theRelativeErrorIsCs231nsDefinition() {
        // |a − n| / max(|a|, |n|)
        assertEquals(0.5, new Mismatch(Mismatch.Kind.GRADIENT, 0, 0, 0, 1, 2)
                .relativeError(), 0.0);
        assertEquals(2.0, new Mismatch(Mismatch.Kind.GRADIENT, 0, 0, 0, -3, 3)
                .relativeError(), 0.0);
        assertEquals(0.0, new Mismatch(Mismatch.Kind.GRADIENT, 0, 0, 0, 0, 0)
                .relativeError(), 0.0);
    }

    @Test
    void whereNamesTheInputAndTheElement() {
        assertEquals("input 1 element (2,0)", new Mismatch(
                Mismatch.Kind.GRADIENT, 1, 2, 0, 1, 1).where());
        assertEquals("input 0 element (0,3)", new Mismatch(
                Mismatch.Kind.GRADIENT, 0, 0, 3, 1, 1).where(), "row 0");
        assertEquals("input 0", new Mismatch(Mismatch.Kind.GRADIENT, 0, -1,
                -1, 1, 1).where(), "a whole input, no element");
        assertEquals("random direction", new Mismatch(
                Mismatch.Kind.GRADIENT, -1, -1, -1, 1, 1).where());
    }

    @Test
    void aGradientFindingPrintsBothValuesAndTheError() {
        assertEquals("input 0 element (1,2): analytic 0.2500000000 vs numeric"
                + " -0.2500000000, relative error 2.00e+00",
                GradCheckReport.describe(new Mismatch(Mismatch.Kind.GRADIENT,
                        0, 1, 2, 0.25, -0.25)));
    }
}
