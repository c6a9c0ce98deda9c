package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.tensor.Tensor;

/** LayerNorm's arguments: ε, the number of inputs, gain and bias rows. */
class LayerNormArgumentsTest {

    @ParameterizedTest(name = "epsilon={0}")
    @ValueSource(doubles = {0, -1e-5, Double.NaN, Double.POSITIVE_INFINITY})
    void epsilonMustBePositiveAndFinite(double epsilon) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new LayerNormOp(epsilon));
        assertEquals("layer_norm: epsilon must be positive and finite, got "
                + epsilon, e.getMessage());
    }

    @Test
    void theSmallestPositiveEpsilonIsAccepted() {
        // ε = 4.9e-324 still normalises: a row of (1, 2, 3) becomes
        // (−√1.5, 0, √1.5), its mean 0 and its biased variance 1
        Tensor y = new LayerNorm(3, Double.MIN_VALUE).forward(
                Tensor.constant(new double[][] {{1, 2, 3}}));
        double r = Math.sqrt(1.5);
        assertArrayEquals(new double[] {-r, 0, r}, y.value().data, 1e-15);
    }

    @Test
    void theOpTakesInputGainAndBias() {
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor gain = Tensor.variable(new DMatrixRMaj(1, 3));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new LayerNormOp(1e-5).apply(x, gain));
        assertEquals("layer_norm: takes 3 inputs, got 2", e.getMessage());
    }

    @Test
    void aGainWithTwoRowsIsRefused() {
        // the right width, but one row per input row is not a gain
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new LayerNormOp(1e-5)
                        .apply(x, Tensor.variable(new DMatrixRMaj(2, 3)),
                                Tensor.variable(new DMatrixRMaj(1, 3))));
        assertEquals("layer_norm: gain must be (1x3) for input (2x3), got"
                + " (2x3)", e.getMessage());
    }
}
