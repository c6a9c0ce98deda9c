package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scratchformer.optim.OptimizerTest.named;
import static org.scratchformer.optim.OptimizerTest.parameter;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.scratchformer.nn.Parameter;
import org.scratchformer.tensor.Tensor;

/**
 * Every hyperparameter of every optimizer, and the other arguments of this
 * chapter, refused with its own message when it is out of range, and
 * accepted at the edge of its range.
 */
class OptimizerArgumentsTest {
    static final Map<String, Parameter> PARAMS = named(parameter(1));

    static Arguments refused(String message, Runnable make) {
        return Arguments.of(Named.of(message, make), message);
    }

    static Stream<Arguments> badHyperparameters() {
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                refused("Adam: beta1 must be in [0, 1), got 1.0",
                        () -> new Adam(PARAMS, 0.1, 1, 0.999, 1e-8, 0)),
                refused("Adam: beta2 must be in [0, 1), got -0.1",
                        () -> new Adam(PARAMS, 0.1, 0.9, -0.1, 1e-8, 0)),
                refused("Adam: eps must be a positive finite number, got 0.0",
                        () -> new Adam(PARAMS, 0.1, 0.9, 0.999, 0, 0)),
                refused("Adam: eps must be a positive finite number, got"
                        + " Infinity",
                        () -> new Adam(PARAMS, 0.1, 0.9, 0.999, inf, 0)),
                refused("Adam: weight decay must be a finite number ≥ 0, got"
                        + " -0.5",
                        () -> new Adam(PARAMS, 0.1, 0.9, 0.999, 1e-8, -0.5)),
                refused("Adam: weight decay must be a finite number ≥ 0, got"
                        + " Infinity",
                        () -> new Adam(PARAMS, 0.1, 0.9, 0.999, 1e-8, inf)),
                refused("AdamW: beta1 must be in [0, 1), got -0.1",
                        () -> new AdamW(PARAMS, 0.1, -0.1, 0.999, 1e-8, 0)),
                refused("AdamW: beta1 must be in [0, 1), got 1.0",
                        () -> new AdamW(PARAMS, 0.1, 1, 0.999, 1e-8, 0)),
                refused("AdamW: beta2 must be in [0, 1), got 1.0",
                        () -> new AdamW(PARAMS, 0.1, 0.9, 1, 1e-8, 0)),
                refused("AdamW: beta2 must be in [0, 1), got NaN",
                        () -> new AdamW(PARAMS, 0.1, 0.9, Double.NaN, 1e-8,
                                0)),
                refused("AdamW: eps must be a positive finite number, got"
                        + " -1.0E-8",
                        () -> new AdamW(PARAMS, 0.1, 0.9, 0.999, -1e-8, 0)),
                refused("AdamW: weight decay must be a finite number ≥ 0,"
                        + " got Infinity",
                        () -> new AdamW(PARAMS, 0.1, 0.9, 0.999, 1e-8, inf)),
                refused("SGD: momentum must be in [0, 1), got -0.1",
                        () -> new Sgd(PARAMS, 0.1, -0.1, 0)),
                refused("SGD: weight decay must be a finite number ≥ 0, got"
                        + " Infinity", () -> new Sgd(PARAMS, 0.1, 0.9, inf)),
                refused("SGD: the learning rate must be a finite number ≥ 0,"
                        + " got Infinity",
                        () -> new Sgd(PARAMS, 0.1).setLearningRate(inf)),
                refused("SGD: the learning rate must be a finite number ≥ 0,"
                        + " got NaN", () -> new Sgd(PARAMS, 0.1)
                                .setLearningRate(Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHyperparameters")
    void aHyperparameterOutOfRangeIsRefusedByName(Runnable make,
            String message) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, make::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() {
        // β = 0, weight decay 0, a learning rate set to 0: all allowed
        new Adam(PARAMS, 0.1, 0, 0, Double.MIN_VALUE, 0).step();
        new AdamW(PARAMS, 0.1, 0, 0, 1e-8, 0).step();
        new Sgd(PARAMS, 0.1, 0, 0).setLearningRate(0);
    }

    @Test
    void theSettingsReadBackAsGiven() {
        Sgd sgd = new Sgd(PARAMS, 0.25, 0.5, 0.125);
        assertEquals(0.25, sgd.learningRate());
        assertEquals(0.5, sgd.momentum());
        assertEquals(0.125, sgd.weightDecay());
        assertEquals(PARAMS.keySet(), sgd.parameters().keySet());
        assertThrows(UnsupportedOperationException.class,
                () -> sgd.parameters().clear());
        sgd.setLearningRate(0.75);
        assertEquals(0.75, sgd.learningRate());
    }

    @ParameterizedTest(name = "maxNorm={0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0, -1,
            Double.NaN, Double.POSITIVE_INFINITY})
    void aClippingThresholdMustBePositiveAndFinite(double maxNorm) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GradientClipping.clipByGlobalNorm(PARAMS, maxNorm));
        assertEquals("clipByGlobalNorm: maxNorm must be a positive finite"
                + " number, got " + maxNorm, e.getMessage());
    }

    @Test
    void targetsWithOneRowTooManyAreRefused() {
        // one column, as targets have, but three rows for two logit rows
        Tensor logits = Tensor.variable(new double[][] {{0, 1}, {1, 0}});
        Tensor targets = Losses.targets(0, 1, 1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, targets));
        assertEquals("cross_entropy: targets (3x1) must be (2x1), one class"
                + " index per row of the logits (2x2)", e.getMessage());
    }
}
