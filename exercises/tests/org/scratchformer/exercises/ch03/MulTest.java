package org.scratchformer.exercises.ch03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Sum;
import org.scratchformer.tensor.Tensor;

@ExtendWith(CaseNames.class)
class MulTest {

    @Test
    void multipliesElementByElement() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.variable(new double[][] {{5, 6}, {7, -8}});
        Tensor y = new Mul().apply(a, b);
        assertTrue(MatrixFeatures_DDRM.isIdentical(new DMatrixRMaj(
                new double[][] {{5, 12}, {21, -32}}), y.value(), 0),
                "Y = " + y.value());
    }

    @Test
    void eachInputGetsTheOthersValues() {
        Tensor a = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor b = Tensor.variable(new double[][] {{4, 5, 6}});
        new Sum().apply(new Mul().apply(a, b)).backward();
        assertTrue(MatrixFeatures_DDRM.isIdentical(b.value(), a.grad(), 0),
                "dA = B: " + a.grad());
        assertTrue(MatrixFeatures_DDRM.isIdentical(a.value(), b.grad(), 0),
                "dB = A: " + b.grad());
    }

    @Test
    void aSquareGetsTwiceItsInput() {
        // x ⊙ x: both gradients land on x, and the engine adds them
        Tensor x = Tensor.variable(new double[][] {{1, -2, 0.5}});
        new Sum().apply(new Mul().apply(x, x)).backward();
        assertTrue(MatrixFeatures_DDRM.isIdentical(new DMatrixRMaj(
                new double[][] {{2, -4, 1}}), x.grad(), 0),
                "d(x²)/dx = 2x: " + x.grad());
    }

    @Test
    void differentShapesAreRejected() {
        Tensor a = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor b = Tensor.variable(new DMatrixRMaj(3, 2));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Mul().apply(a, b));
        assertTrue(e.getMessage().startsWith("mul"), "the message must"
                + " start with the op's name, mul: " + e.getMessage());
        assertTrue(e.getMessage().contains("(2x3)")
                && e.getMessage().contains("(3x2)"), "the message must name"
                + " both shapes as Shapes.of writes them, (2x3) and (3x2): "
                + e.getMessage());
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(32, 30).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r),
                    RandomCases.size(r));
        });
    }

    @ParameterizedTest(name = "seed={0} a=({1}x{2}) b=({1}x{2})")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(long seed, int rows, int cols) {
        Random r = new Random(seed);
        Tensor a = Tensor.variable(RandomCases.values(r, rows, cols));
        Tensor b = Tensor.variable(RandomCases.values(r, rows, cols));
        int checked = GradCheck.of(in -> new Mul().apply(in.get(0),
                in.get(1))).seed(seed).check(a, b).elementsChecked();
        assertEquals(2 * rows * cols, checked);
    }

    @ParameterizedTest(name = "seed={0} a=({1}x{2}) b=({1}x{2}) untouched")
    @MethodSource("cases")
    void theInputsAreLeftAlone(long seed, int rows, int cols) {
        Random r = new Random(seed);
        DMatrixRMaj a = RandomCases.values(r, rows, cols);
        DMatrixRMaj b = RandomCases.values(r, rows, cols);
        Tensor ta = Tensor.variable(a.copy());
        Tensor tb = Tensor.variable(b.copy());
        Tensor y = new Mul().apply(ta, tb);
        DMatrixRMaj dY = RandomCases.values(r, rows, cols);
        DMatrixRMaj dYBefore = dY.copy();
        y.backward(dY);
        assertTrue(MatrixFeatures_DDRM.isIdentical(a, ta.value(), 0));
        assertTrue(MatrixFeatures_DDRM.isIdentical(b, tb.value(), 0));
        assertTrue(MatrixFeatures_DDRM.isIdentical(dYBefore, dY, 0));
    }
}
