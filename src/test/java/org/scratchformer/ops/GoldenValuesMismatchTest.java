package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The second oracle can say no: a golden case that disagrees with the Java
 * op in its output, in any gradient or in a shape is reported with the op,
 * the case, the element and both values. A case by hand, in exact numbers:
 * Y = A·B with dY = I, so dA = Bᵀ and dB = Aᵀ.
 */
class GoldenValuesMismatchTest {
    static final double[][] A = {{1, 2}, {3, 4}};
    static final double[][] B = {{5, 6}, {7, 8}};
    static final double[][] DY = {{1, 0}, {0, 1}};
    static final double[][] Y = {{19, 22}, {43, 50}};
    static final double[][] DA = {{5, 7}, {6, 8}};
    static final double[][] DB = {{1, 3}, {2, 4}};

    static GoldenValues.Case matmul(double[][] output, double[][] dA,
            double[][] dB) {
        return new GoldenValues.Case("matmul", 7, List.of(A, B),
                List.of(dA != null, true), DY, output, Arrays.asList(dA, dB));
    }

    /** m with one element changed to value. */
    static double[][] with(double[][] m, int row, int col, double value) {
        double[][] copy = Arrays.stream(m).map(double[]::clone)
                .toArray(double[][]::new);
        copy[row][col] = value;
        return copy;
    }

    @Test
    void aCaseThatAgreesHasNoMismatch() {
        assertNull(GoldenValues.firstMismatch(matmul(Y, DA, DB)));
        // a constant input has no expected gradient: nothing to compare
        assertNull(GoldenValues.firstMismatch(matmul(Y, null, DB)));
    }

    @Test
    void aWrongOutputIsReportedWithItsElementAndValues() {
        assertEquals("matmul case 7 (2x2)·(2x2) → (2x2), output: element"
                + " (1, 0): expected 42.0 (PyTorch), actual 43.0, difference"
                + " 1.0", GoldenValues.firstMismatch(
                        matmul(with(Y, 1, 0, 42), DA, DB)));
    }

    @Test
    void aWrongGradientIsReportedWithItsInputAndElement() {
        assertEquals("matmul case 7 (2x2)·(2x2) → (2x2), grad of input 0:"
                + " element (0, 1): expected 7.5 (PyTorch), actual 7.0,"
                + " difference -0.5", GoldenValues.firstMismatch(
                        matmul(Y, with(DA, 0, 1, 7.5), DB)));
        assertEquals("matmul case 7 (2x2)·(2x2) → (2x2), grad of input 1:"
                + " element (1, 1): expected 4.25 (PyTorch), actual 4.0,"
                + " difference -0.25", GoldenValues.firstMismatch(
                        matmul(Y, DA, with(DB, 1, 1, 4.25))));
    }

    @Test
    void theGradientAfterAConstantInputIsStillCompared() {
        assertEquals("matmul case 7 (2x2)·(2x2) → (2x2), grad of input 1:"
                + " element (0, 0): expected 2.0 (PyTorch), actual 1.0,"
                + " difference -1.0", GoldenValues.firstMismatch(
                        matmul(Y, null, with(DB, 0, 0, 2))));
    }

    @Test
    void aWrongShapeIsReportedBeforeAnyElement() {
        double[][] wide = {{19, 22, 0}, {43, 50, 0}};
        assertEquals("matmul case 7 (2x2)·(2x2) → (2x3), output: shape (2x2),"
                + " expected (2x3)", GoldenValues.firstMismatch(
                        matmul(wide, DA, DB)));
        double[][] tall = {{1, 3}, {2, 4}, {0, 0}};
        assertEquals("matmul case 7 (2x2)·(2x2) → (2x2), grad of input 1:"
                + " shape (2x2), expected (3x2)", GoldenValues.firstMismatch(
                        matmul(Y, DA, tall)));
    }

    @Test
    void theToleranceIsRelativeAboveOneAndAbsoluteBelow() {
        // 1e-10 · max(1, |b|): at 43 the tolerance is 4.3e-9
        assertNull(GoldenValues.compare(new double[][] {{43 + 4e-9}},
                new DMatrixRMaj(new double[][] {{43}})));
        String beyond = GoldenValues.compare(new double[][] {{43.000000005}},
                new DMatrixRMaj(new double[][] {{43}}));
        assertTrue(beyond.startsWith("element (0, 0): expected 43.000000005"
                + " (PyTorch), actual 43.0, difference -4.99"), beyond);
        // at 0.5 it is 1e-10, not 5e-11
        assertNull(GoldenValues.compare(new double[][] {{0.5 + 0.9e-10}},
                new DMatrixRMaj(new double[][] {{0.5}})));
    }
}
