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
import org.scratchformer.tensor.Tensor;

@ExtendWith(CaseNames.class)
class AddBiasTest {

    @Test
    void theBiasIsAddedToEveryRow() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.variable(new double[][] {{10, 20, 30}});
        Tensor y = new AddBias().apply(x, b);
        assertTrue(MatrixFeatures_DDRM.isIdentical(new DMatrixRMaj(
                new double[][] {{11, 22, 33}, {14, 25, 36}}), y.value(), 0),
                "Y = " + y.value());
    }

    @Test
    void theBiasGradientSumsOverRows() {
        // four rows, three columns: sumRows would give (4x1), not (1x3)
        Tensor x = Tensor.variable(new DMatrixRMaj(4, 3));
        Tensor b = Tensor.variable(new DMatrixRMaj(1, 3));
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {
            {1, 0, 2}, {1, 1, 0}, {1, 0, 0}, {1, 3, -1}});
        new AddBias().apply(x, b).backward(dY);
        assertTrue(MatrixFeatures_DDRM.isIdentical(new DMatrixRMaj(
                new double[][] {{4, 4, 1}}), b.grad(), 1e-15),
                "db[j] is the sum of column j of dY: " + b.grad());
        assertTrue(MatrixFeatures_DDRM.isIdentical(dY, x.grad(), 0),
                "dX = dY: " + x.grad());
    }

    @Test
    void aBiasOfTheWrongShapeIsRejected() {
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor column = Tensor.variable(new DMatrixRMaj(3, 1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new AddBias().apply(x, column));
        String message = e.getMessage();
        assertTrue(message.startsWith("add_bias"), "the message must start"
                + " with the op's name, add_bias: " + message);
        assertTrue(message.contains("(3x1)") && message.contains("(2x3)"),
                "the message must name both shapes as Shapes.of writes them,"
                + " (3x1) and (2x3): " + message);
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(31, 30).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r),
                    RandomCases.size(r));
        });
    }

    @ParameterizedTest(name = "seed={0} x=({1}x{2}) b=(1x{2})")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(long seed, int rows, int cols) {
        Random r = new Random(seed);
        Tensor x = Tensor.variable(RandomCases.values(r, rows, cols));
        Tensor b = Tensor.variable(RandomCases.values(r, 1, cols));
        int checked = GradCheck.of(in -> new AddBias().apply(in.get(0),
                in.get(1))).seed(seed).check(x, b).elementsChecked();
        assertEquals(rows * cols + cols, checked);
    }
}
