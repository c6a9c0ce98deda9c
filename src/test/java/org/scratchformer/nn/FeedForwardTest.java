package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scratchformer.nn.NnAssertions.assertClose;
import static org.scratchformer.nn.NnAssertions.assertIdentical;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

class FeedForwardTest {

    static Stream<Arguments> cases() {
        return RandomCases.seeds(6_601, 15).flatMap(seed -> Stream.of(
                Arguments.of(Activation.RELU, seed),
                Arguments.of(Activation.GELU_ERF, seed),
                Arguments.of(Activation.GELU_TANH, seed)));
    }

    @Test
    void parametersAreNamedAfterTheTwoLinears() {
        FeedForward ffn = new FeedForward(4, 16, Activation.RELU,
                new Random(1));
        assertEquals(List.of("linear1.weight", "linear1.bias",
                "linear2.weight", "linear2.bias"),
                List.copyOf(ffn.parameters().keySet()));
        assertEquals(4 * 16 + 16 + 16 * 4 + 4, ffn.parameterCount());
    }

    @Test
    void isLinearThenActivationThenLinear() {
        Random random = new Random(2);
        FeedForward ffn = new FeedForward(3, 5, Activation.GELU_ERF,
                random);
        Linear linear1 = (Linear) ffn.children().get("linear1");
        Linear linear2 = (Linear) ffn.children().get("linear2");
        Tensor x = Tensor.constant(RandomCases.values(random, 2, 3));
        assertIdentical(linear2.forward(Ops.geluErf(linear1.forward(x)))
                .value(), ffn.forward(x).value(), "Y");
    }

    @Test
    void eachActivationIsTheOpItNames() {
        Tensor x = Tensor.constant(new double[][] {{-2.7, -1, 0.5, 2.7}});
        assertIdentical(Ops.relu(x).value(), Activation.RELU.apply(x)
                .value(), "RELU");
        assertIdentical(Ops.geluErf(x).value(), Activation.GELU_ERF.apply(x)
                .value(), "GELU_ERF");
        assertIdentical(Ops.geluTanh(x).value(), Activation.GELU_TANH
                .apply(x).value(), "GELU_TANH");
        // two different functions: the approximation is 4.7e-4 higher at 2.7
        assertEquals(-4.7e-4, Activation.GELU_ERF.apply(x).get(0, 3)
                - Activation.GELU_TANH.apply(x).get(0, 3), 1e-5);
    }

    @Test
    void reluZeroesTheNegativeHiddenUnits() {
        FeedForward ffn = new FeedForward(1, 2, Activation.RELU,
                new Random(3));
        Linear linear1 = (Linear) ffn.children().get("linear1");
        Linear linear2 = (Linear) ffn.children().get("linear2");
        linear1.weight().set(new double[][] {{1, -1}});
        linear2.weight().set(new double[][] {{2}, {3}});
        // x = 5: hidden (5, −5) → relu (5, 0) → 2·5 + 3·0
        assertClose(new double[][] {{10}}, ffn.forward(Tensor.constant(
                new double[][] {{5}})).value(), 0, "Y");
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("cases")
    void passesTheModuleCheck(Activation activation, long seed) {
        Random random = new Random(seed);
        int width = RandomCases.size(random);
        FeedForward ffn = new FeedForward(width, RandomCases.size(random),
                activation, random);
        Tensor x = Tensor.variable(RandomCases.values(random,
                RandomCases.size(random), width));
        ModuleCheck.of(ffn).seed(seed).check(x);
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("cases")
    void passesTheModuleCheckWithDropoutInEvalMode(Activation activation,
            long seed) {
        Random random = new Random(seed);
        FeedForward ffn = new FeedForward(3, 6, activation, 0.5, random);
        ffn.eval();
        Tensor x = Tensor.variable(RandomCases.values(random, 2, 3));
        ModuleCheck.of(ffn).seed(seed).check(x);
    }

    @Test
    void evalSwitchesItsDropoutOff() {
        FeedForward ffn = new FeedForward(3, 6, Activation.RELU, 0.5,
                new Random(4));
        ffn.eval();
        assertFalse(ffn.children().get("dropout").isTraining());
        Tensor x = Tensor.constant(RandomCases.values(new Random(5), 2, 3));
        assertIdentical(ffn.forward(x).value(), ffn.forward(x).value(),
                "two evaluations");
    }

    @Test
    void theSameSeedGivesTheSameBlock() {
        FeedForward a = new FeedForward(3, 6, Activation.RELU, 0.5,
                new Random(6));
        FeedForward b = new FeedForward(3, 6, Activation.RELU, 0.5,
                new Random(6));
        Tensor x = Tensor.constant(RandomCases.values(new Random(7), 4, 3));
        // same weights and, in training, the same dropout masks
        assertIdentical(a.forward(x).value(), b.forward(x).value(), "Y");
    }

    @Test
    void aMissingActivationIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new FeedForward(3, 6,
                        null, new Random(1)));
        assertEquals("FeedForward: the activation is null; use"
                + " Activation.RELU, GELU_ERF or GELU_TANH", e.getMessage());
    }
}
