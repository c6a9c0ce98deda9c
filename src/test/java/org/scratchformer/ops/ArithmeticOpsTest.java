package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scratchformer.ops.MatrixAssertions.assertClose;
import static org.scratchformer.ops.MatrixAssertions.gradients;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** sub, mul, div, neg and scale on hand-computed cases and properties. */
class ArithmeticOpsTest {
    static final double[][] A = {{1, -2}, {3, 4}};
    static final double[][] B = {{2, 0.5}, {-1, 4}};
    static final double[][] DY = {{1, 2}, {3, -1}};

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_001, 20);
    }

    @Test
    void subSubtractsAndNegatesTheGradientOfB() {
        Tensor a = Tensor.variable(A);
        Tensor b = Tensor.variable(B);
        Tensor y = Ops.sub(a, b);
        assertClose(new double[][] {{-1, -2.5}, {4, 0}}, y.value());
        y.backward(new DMatrixRMaj(DY));
        assertClose(DY, a.grad());
        assertClose(new double[][] {{-1, -2}, {-3, 1}}, b.grad());
    }

    @Test
    void mulMultipliesAndEachGradientIsDyTimesTheOther() {
        Tensor a = Tensor.variable(A);
        Tensor b = Tensor.variable(B);
        Tensor y = Ops.mul(a, b);
        assertClose(new double[][] {{2, -1}, {-3, 16}}, y.value());
        y.backward(new DMatrixRMaj(DY));
        assertClose(new double[][] {{2, 1}, {-3, -4}}, a.grad());  // dY ⊙ B
        assertClose(new double[][] {{1, -4}, {9, -4}}, b.grad());  // dY ⊙ A
    }

    @Test
    void divDividesWithTheQuotientRuleForB() {
        Tensor a = Tensor.variable(A);
        Tensor b = Tensor.variable(B);
        Tensor y = Ops.div(a, b);
        assertClose(new double[][] {{0.5, -4}, {-3, 1}}, y.value());
        y.backward(new DMatrixRMaj(DY));
        // dA = dY ⊘ B
        assertClose(new double[][] {{0.5, 4}, {-3, -0.25}}, a.grad());
        // dB = −dY ⊙ A ⊘ B²: −1·1/4, −2·(−2)/0.25, −3·3/1, 1·4/16
        assertClose(new double[][] {{-0.25, 16}, {-9, 0.25}}, b.grad());
    }

    @Test
    void negFlipsSignsForwardAndBackward() {
        Tensor x = Tensor.variable(A);
        Tensor y = Ops.neg(x);
        assertClose(new double[][] {{-1, 2}, {-3, -4}}, y.value());
        y.backward(new DMatrixRMaj(DY));
        assertClose(new double[][] {{-1, -2}, {-3, 1}}, x.grad());
    }

    @Test
    void scaleMultipliesByItsFactorForwardAndBackward() {
        Tensor x = Tensor.variable(A);
        Tensor y = Ops.scale(x, -1.5);
        assertClose(new double[][] {{-1.5, 3}, {-4.5, -6}}, y.value());
        y.backward(new DMatrixRMaj(DY));
        assertClose(new double[][] {{-1.5, -3}, {-4.5, 1.5}}, x.grad());
        assertEquals(-1.5, new Scale(-1.5).factor());
    }

    @Test
    void elementwiseOpsNameBothShapesWhenTheyDiffer() {
        Tensor a = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor b = Tensor.variable(new DMatrixRMaj(3, 2));
        for (String op : List.of("sub", "mul", "div")) {
            Executable call = switch (op) {
                case "sub" -> () -> Ops.sub(a, b);
                case "mul" -> () -> Ops.mul(a, b);
                default -> () -> Ops.div(a, b);
            };
            assertEquals(op + ": shapes (2x3) and (3x2) differ; an"
                    + " elementwise op needs equal shapes", assertThrows(
                    IllegalArgumentException.class, call).getMessage());
        }
    }

    @Test
    void divNamesTheZeroDivisorAndWhere() {
        Tensor a = Tensor.variable(A);
        Tensor b = Tensor.variable(new double[][] {{2, 1}, {0, 4}});
        assertEquals("div: element (1,0) of B is 0.0; div needs nonzero"
                + " divisors", assertThrows(IllegalArgumentException.class,
                () -> Ops.div(a, b)).getMessage());
        Tensor negativeZero = Tensor.variable(new double[][] {{1, -0.0}});
        assertEquals("div: element (0,1) of B is -0.0; div needs nonzero"
                + " divisors", assertThrows(IllegalArgumentException.class,
                () -> Ops.div(Tensor.variable(new double[][] {{1, 1}}),
                        negativeZero)).getMessage());
    }

    @Test
    void scaleRejectsAFactorThatIsNotFinite() {
        assertEquals("scale: the factor is NaN; scale needs a finite number",
                assertThrows(IllegalArgumentException.class,
                        () -> new Scale(Double.NaN)).getMessage());
        assertEquals("scale: the factor is Infinity; scale needs a finite"
                + " number", assertThrows(IllegalArgumentException.class,
                () -> Ops.scale(Tensor.variable(A),
                        Double.POSITIVE_INFINITY)).getMessage());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void subIsAddOfTheNegation(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        DMatrixRMaj a = RandomCases.values(r, rows, cols);
        DMatrixRMaj b = RandomCases.values(r, rows, cols);
        DMatrixRMaj dY = RandomCases.values(r, rows, cols);
        String at = "seed " + seed;
        assertClose(Ops.add(Tensor.constant(a), Ops.neg(Tensor.constant(b)))
                .value(), Ops.sub(Tensor.constant(a), Tensor.constant(b))
                .value(), at);
        List<DMatrixRMaj> viaNeg = gradients(
                x -> Ops.add(x.get(0), Ops.neg(x.get(1))), dY, a, b);
        List<DMatrixRMaj> direct = gradients(
                x -> Ops.sub(x.get(0), x.get(1)), dY, a, b);
        assertClose(viaNeg.get(0), direct.get(0), at + ", dA");
        assertClose(viaNeg.get(1), direct.get(1), at + ", dB");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void divUndoesMul(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        Tensor a = Tensor.constant(RandomCases.values(r, rows, cols));
        Tensor b = Tensor.constant(RandomCases.awayFromZero(r, rows, cols,
                0.5));
        assertClose(a.value(), Ops.div(Ops.mul(a, b), b).value(), 1e-15,
                "seed " + seed);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void scaleByMinusOneIsNegAndScalesAdd(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        Tensor a = Tensor.constant(RandomCases.values(r, rows, cols));
        Tensor b = Tensor.constant(RandomCases.values(r, rows, cols));
        double c = RandomCases.uniform(r, 1, 1, -3, 3).get(0);
        String at = "seed " + seed;
        assertClose(Ops.neg(a).value(), Ops.scale(a, -1).value(), at);
        // c·(A + B) = c·A + c·B
        assertClose(Ops.add(Ops.scale(a, c), Ops.scale(b, c)).value(),
                Ops.scale(Ops.add(a, b), c).value(), 1e-14, at);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void mulIsSymmetricInItsGradients(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        DMatrixRMaj a = RandomCases.values(r, rows, cols);
        DMatrixRMaj b = RandomCases.values(r, rows, cols);
        DMatrixRMaj dY = RandomCases.values(r, rows, cols);
        List<DMatrixRMaj> ab = gradients(x -> Ops.mul(x.get(0), x.get(1)),
                dY, a, b);
        List<DMatrixRMaj> ba = gradients(x -> Ops.mul(x.get(1), x.get(0)),
                dY, a, b);
        assertClose(ab.get(0), ba.get(0), "seed " + seed + ", dA");
        assertClose(ab.get(1), ba.get(1), "seed " + seed + ", dB");
    }
}
