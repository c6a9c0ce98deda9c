package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reference element loops, on values chosen by hand. */
class PlainElementsTest {
    private final PlainElements plain = new PlainElements();

    @Test
    void reluGradientKeepsDyWhereYIsPositiveOnly() {
        double[] y = {1, 0, -2, Double.MIN_VALUE, Double.NaN, -0.0, 7, 5};
        double[] dY = {10, 20, 30, 40, 50, 60, 70, 80};
        double[] dZ = {9, 9, 9, 9, 9, 9, 9, 9};
        plain.reluGradient(y, dY, dZ, 7);
        assertArrayEquals(new double[] {10, 0, 0, 40, 0, 0, 70, 9}, dZ);
    }

    @Test
    void firstNotZeroOrFindsTheFirstOtherValue() {
        double[] m = {0, 2, -0.0, 2, 3, 2, 0};
        assertEquals(4, plain.firstNotZeroOr(m, 7, 2));
        assertEquals(-1, plain.firstNotZeroOr(m, 4, 2), "3 is beyond n");
        assertEquals(1, plain.firstNotZeroOr(m, 7, 3));
        assertEquals(-1, plain.firstNotZeroOr(new double[] {0, -0.0}, 2, 5));
        assertEquals(0, plain.firstNotZeroOr(new double[] {Double.NaN}, 1,
                Double.NaN), "NaN equals nothing, not even the keep value");
    }

    @Test
    void itIsNamedPlain() {
        assertEquals("plain", plain.name());
    }
}
