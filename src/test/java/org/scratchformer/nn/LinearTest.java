package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scratchformer.nn.NnAssertions.assertClose;
import static org.scratchformer.nn.NnAssertions.assertIdentical;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

class LinearTest {
    static final double TOL = 1e-12;

    static Stream<Long> seeds() {
        return RandomCases.seeds(6_101, 20);
    }

    /** A 2 → 3 layer with W and b set by hand. */
    static Linear handMade() {
        Linear layer = new Linear(2, 3, new Random(1));
        layer.weight().value().setTo(new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {4, 5, 6}}));
        layer.bias().value().setTo(new DMatrixRMaj(new double[][] {
            {10, 20, 30}}));
        return layer;
    }

    @Test
    void computesXTimesWPlusBInEveryRow() {
        Tensor x = Tensor.constant(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        Tensor y = handMade().forward(x);
        assertClose(new double[][] {{11, 22, 33}, {14, 25, 36},
            {15, 27, 39}}, y.value(), TOL, "Y");
    }

    @Test
    void theBiasGradientSumsTheRowsOfDy() {
        Linear layer = handMade();
        Tensor x = Tensor.variable(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        layer.forward(x).backward(new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
        // b was added to all three rows: each row's dY reaches it
        assertClose(new double[][] {{12, 15, 18}}, layer.bias().grad(), TOL,
                "db");
        // dW = Xᵀ·dY
        assertClose(new double[][] {{8, 10, 12}, {11, 13, 15}},
                layer.weight().grad(), TOL, "dW");
        // dX = dY·Wᵀ
        assertClose(new double[][] {{14, 32}, {32, 77}, {50, 122}},
                x.grad(), TOL, "dX");
    }

    @Test
    void startsWithXavierWeightsAndAZeroBias() {
        Linear layer = new Linear(4, 6, new Random(3));
        assertIdentical(Init.xavierUniform(4, 6, new Random(3)),
                layer.weight().value(), "W");
        assertIdentical(new DMatrixRMaj(1, 6), layer.bias().value(), "b");
    }

    @Test
    void withoutBiasItHasOnlyTheWeight() {
        Linear layer = new Linear(4, 6, false, new Random(3));
        assertNull(layer.bias());
        assertEquals(List.of("weight"), List.copyOf(layer.parameters()
                .keySet()));
        assertEquals(24, layer.parameterCount());
        Tensor x = Tensor.constant(new DMatrixRMaj(2, 4));
        assertIdentical(new DMatrixRMaj(2, 6), layer.forward(x).value(),
                "zero in, zero out");
    }

    @Test
    void countsInTimesOutPlusOut() {
        assertEquals(4 * 6 + 6, new Linear(4, 6, new Random(3))
                .parameterCount());
    }

    @Test
    void theSameSeedGivesTheSameLayer() {
        assertIdentical(new Linear(5, 7, new Random(42)).weight().value(),
                new Linear(5, 7, new Random(42)).weight().value(), "W");
    }

    @Test
    void anInputOfTheWrongWidthIsNamed() {
        Linear layer = new Linear(4, 3, new Random(1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> layer.forward(
                        Tensor.constant(new DMatrixRMaj(2, 5))));
        assertEquals("Linear(4 → 3): input (2x5) has 5 columns; it needs 4,"
                + " one per input feature", e.getMessage());
    }

    @Test
    void aSizeBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Linear(0, 3, new Random(1)));
        assertEquals("Linear: in and out must be at least 1, got in 0, out 3",
                e.getMessage());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void passesTheModuleCheck(long seed) {
        Random random = new Random(seed);
        int in = RandomCases.size(random);
        int out = RandomCases.size(random);
        Linear layer = new Linear(in, out, random.nextBoolean(), random);
        Tensor x = Tensor.variable(RandomCases.values(random,
                RandomCases.size(random), in));
        ModuleCheck.of(layer).seed(seed).check(x);
    }
}
