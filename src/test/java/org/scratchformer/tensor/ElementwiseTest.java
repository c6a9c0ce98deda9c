package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The element loops' entry point checks lengths before any loop runs. */
class ElementwiseTest {
    @Test
    void reluGradientFillsTheFirstNElements() {
        double[] dZ = {9, 9, 9, 9};
        Elementwise.reluGradient(new double[] {1, -1, 2, 5},
                new double[] {3, 4, 5, 6}, dZ, 3);
        assertArrayEquals(new double[] {3, 0, 5, 9}, dZ);
    }

    @Test
    void shortArraysAreRefusedWithTheirNames() {
        double[] four = new double[4];
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Elementwise.reluGradient(four, new double[3], four, 4));
        assertEquals("Elementwise.reluGradient: dY has 3 elements, 4 are"
                + " needed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Elementwise.reluGradient(four, four, new double[2], 4));
        assertEquals("Elementwise.reluGradient: dZ has 2 elements, 4 are"
                + " needed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Elementwise.reluGradient(new double[1], four, four, 4));
        assertEquals("Elementwise.reluGradient: y has 1 elements, 4 are"
                + " needed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Elementwise.firstNotZeroOr(four, 5, 1.5));
        assertEquals("Elementwise.firstNotZeroOr: m has 4 elements, 5 are"
                + " needed", e.getMessage());
    }

    @Test
    void arraysOfExactlyNElementsAndNZeroAreAccepted() {
        double[] three = {1, -1, 2};
        double[] dZ = new double[3];
        Elementwise.reluGradient(three, new double[] {4, 5, 6}, dZ, 3);
        assertArrayEquals(new double[] {4, 0, 6}, dZ);
        Elementwise.reluGradient(three, three, dZ, 0);  // nothing to do
        assertEquals(-1, Elementwise.firstNotZeroOr(three, 0, 1));
        assertEquals(1, Elementwise.firstNotZeroOr(three, 3, 1));
    }

    @Test
    void firstNotZeroOrLooksAtTheFirstNOnly() {
        double[] m = {0, 2, 2, 0, 7};
        assertEquals(-1, Elementwise.firstNotZeroOr(m, 4, 2));
        assertEquals(4, Elementwise.firstNotZeroOr(m, 5, 2));
        assertEquals(1, Elementwise.firstNotZeroOr(m, 5, 3));
    }

    @Test
    void theKernelIsNamed() {
        String name = Elementwise.kernelName();
        assertEquals(true, name.equals("plain") || name.startsWith("vector "),
                name);
    }
}
