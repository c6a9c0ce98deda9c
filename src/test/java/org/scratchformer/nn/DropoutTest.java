package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.nn.NnAssertions.assertIdentical;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

class DropoutTest {

    static Stream<Long> seeds() {
        return RandomCases.seeds(6_501, 20);
    }

    static Tensor ones(int rows, int cols) {
        return Tensor.constant(Init.ones(rows, cols));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void keepsOrZeroesAndScalesTheSurvivors(long seed) {
        DMatrixRMaj y = new Dropout(0.25, new Random(seed))
                .forward(ones(20, 30)).value();
        for (int k = 0; k < y.getNumElements(); k++) {
            assertTrue(y.get(k) == 0 || y.get(k) == 1 / 0.75,
                    "seed=" + seed + ": " + y.get(k));
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void dropsAboutPAndKeepsTheMean(long seed) {
        // 10,000 elements: the dropped share has a standard error of 0.0043
        DMatrixRMaj y = new Dropout(0.25, new Random(seed))
                .forward(ones(100, 100)).value();
        int dropped = 0;
        for (int k = 0; k < y.getNumElements(); k++) {
            dropped += y.get(k) == 0 ? 1 : 0;
        }
        assertEquals(0.25, dropped / 10_000.0, 0.02, "seed=" + seed);
        // E[Y] = X: the mean of a ones matrix stays near 1
        assertEquals(1, CommonOps_DDRM.elementSum(y) / 10_000, 0.03,
                "seed=" + seed);
    }

    @Test
    void theSameSeedGivesTheSameMasks() {
        Dropout a = new Dropout(0.5, new Random(11));
        Dropout b = new Dropout(0.5, new Random(11));
        for (int step = 0; step < 3; step++) {
            assertIdentical(a.forward(ones(4, 5)).value(),
                    b.forward(ones(4, 5)).value(), "step " + step);
        }
    }

    static Stream<Arguments> maskShapes() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(3, 7),
                Arguments.of(768, 128), Arguments.of(97, 513));
    }

    @Test
    void eachCallDrawsAFreshMask() {
        Dropout dropout = new Dropout(0.5, new Random(12));
        DMatrixRMaj first = dropout.forward(ones(4, 5)).value();
        DMatrixRMaj second = dropout.forward(ones(4, 5)).value();
        assertFalse(MatrixFeatures_DDRM.isIdentical(first, second, 0));
    }

    @Test
    void inEvalModeItReturnsItsInput() {
        Dropout dropout = new Dropout(0.5, new Random(13));
        dropout.eval();
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        assertSame(x, dropout.forward(x));
    }

    @Test
    void withPZeroItReturnsItsInputEvenInTraining() {
        Dropout dropout = new Dropout(0, new Random(14));
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        assertSame(x, dropout.forward(x));
    }

    @Test
    void theGradientPassesOnlyThroughTheKeptElements() {
        Dropout dropout = new Dropout(0.5, new Random(15));
        Tensor x = Tensor.variable(Init.ones(3, 4));
        Tensor y = dropout.forward(x);
        y.backward(Init.ones(3, 4));
        // dX = dY ⊙ M, and with X = 1, Y = M
        assertIdentical(y.value(), x.grad(), "dX");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void passesTheModuleCheckWithAFixedMask(long seed) {
        Random random = new Random(seed);
        Dropout dropout = new Dropout(0.3, random);
        Tensor x = Tensor.variable(RandomCases.values(new Random(seed + 1),
                RandomCases.size(random), RandomCases.size(random)));
        // reseeding before each forward: every run draws the same mask
        ModuleCheck.of(dropout, in -> {
            random.setSeed(seed);
            return dropout.forward(in.get(0));
        }).seed(seed).check(x);
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(doubles = {-0.1, 1, 1.5, Double.NaN})
    void pOutsideZeroToOneIsRefused(double p) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Dropout(p, new Random(1)));
        assertEquals("Dropout: p must be in [0, 1), the probability of"
                + " zeroing an element, got " + p, e.getMessage());
    }
}
