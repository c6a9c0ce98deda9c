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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** exp, log, sqrt and pow: examples, domain errors, properties. */
class ElementwiseMathOpsTest {
    static final double E = Math.E;
    static final double LN2 = Math.log(2);

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_004, 20);
    }

    @Test
    void expAndItsGradientDyTimesY() {
        Tensor x = Tensor.variable(new double[][] {{0, 1}, {-1, LN2}});
        Tensor y = Ops.exp(x);
        assertClose(new double[][] {{1, E}, {1 / E, 2}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}));
        assertClose(new double[][] {{1, 2 * E}, {3 / E, 8}}, x.grad());
    }

    @Test
    void logAndItsGradientDyOverX() {
        Tensor x = Tensor.variable(new double[][] {{1, E}, {0.5, 4}});
        Tensor y = Ops.log(x);
        assertClose(new double[][] {{0, 1}, {-LN2, 2 * LN2}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}, {1, 2}}));
        assertClose(new double[][] {{1, 1 / E}, {2, 0.5}}, x.grad());
    }

    @Test
    void sqrtAndItsGradientDyOverTwoY() {
        Tensor x = Tensor.variable(new double[][] {{4, 9}, {0.25, 2}});
        Tensor y = Ops.sqrt(x);
        assertClose(new double[][] {{2, 3}, {0.5, Math.sqrt(2)}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}, {1, 1}}));
        assertClose(new double[][] {{0.25, 1.0 / 6}, {1, 0.5 / Math.sqrt(2)}},
                x.grad());
    }

    @Test
    void sqrtOfZeroIsZeroWithAnInfiniteSlope() {
        Tensor x = Tensor.variable(new double[][] {{0}});
        Tensor y = Ops.sqrt(x);
        assertEquals(0, y.item());
        y.backward();
        assertEquals(Double.POSITIVE_INFINITY, x.grad().get(0));
    }

    @Test
    void powAndItsGradientPTimesXToPMinusOne() {
        Tensor x = Tensor.variable(new double[][] {{1, 4}});
        Tensor y = Ops.pow(x, 2.5);
        assertClose(new double[][] {{1, 32}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 2}}));
        assertClose(new double[][] {{2.5, 40}}, x.grad());  // 2.5·4^1.5·2
        assertEquals(2.5, new Pow(2.5).exponent());
    }

    @Test
    void powWithAWholeExponentTakesNegativeInputs() {
        Tensor x = Tensor.variable(new double[][] {{-2, 0}});
        Tensor y = Ops.pow(x, 3);
        assertClose(new double[][] {{-8, 0}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
        assertClose(new double[][] {{12, 0}}, x.grad());  // 3x²
        Tensor z = Tensor.variable(new double[][] {{-2}});
        Tensor inverse = Ops.pow(z, -1);
        assertClose(new double[][] {{-0.5}}, inverse.value());
        inverse.backward();
        assertClose(new double[][] {{-0.25}}, z.grad());  // −x⁻²
    }

    @Test
    void logNamesTheFirstElementThatIsNotPositive() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}, {4, 5, -0.5}});
        assertEquals("log: element (1,2) is -0.5; log needs positive inputs",
                assertThrows(IllegalArgumentException.class,
                        () -> Ops.log(x)).getMessage());
        Tensor zero = Tensor.variable(new double[][] {{0, -1}});
        assertEquals("log: element (0,0) is 0.0; log needs positive inputs",
                assertThrows(IllegalArgumentException.class,
                        () -> Ops.log(zero)).getMessage());
        Tensor nan = Tensor.variable(new double[][] {{1, Double.NaN}});
        assertEquals("log: element (0,1) is NaN; log needs positive inputs",
                assertThrows(IllegalArgumentException.class,
                        () -> Ops.log(nan)).getMessage());
    }

    @Test
    void sqrtNamesTheNegativeElement() {
        Tensor x = Tensor.variable(new double[][] {{0, -1}});
        assertEquals("sqrt: element (0,1) is -1.0; sqrt needs inputs ≥ 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Ops.sqrt(x)).getMessage());
    }

    @Test
    void powNamesTheElementOutsideTheDomainOfItsExponent() {
        Tensor negative = Tensor.variable(new double[][] {{-0.5, 1}});
        assertEquals("pow: element (0,0) is -0.5; pow needs inputs ≥ 0 for"
                + " the exponent 2.5", assertThrows(
                IllegalArgumentException.class,
                () -> Ops.pow(negative, 2.5)).getMessage());
        Tensor zero = Tensor.variable(new double[][] {{1, 0}});
        assertEquals("pow: element (0,1) is 0.0; pow needs nonzero inputs"
                + " for the exponent -1.0", assertThrows(
                IllegalArgumentException.class,
                () -> Ops.pow(zero, -1)).getMessage());
        assertEquals("pow: element (0,1) is 0.0; pow needs positive inputs"
                + " for the exponent -0.5", assertThrows(
                IllegalArgumentException.class,
                () -> Ops.pow(zero, -0.5)).getMessage());
        assertEquals("pow: the exponent is Infinity; pow needs a finite"
                + " number", assertThrows(IllegalArgumentException.class,
                () -> new Pow(Double.POSITIVE_INFINITY)).getMessage());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void logAndExpUndoEachOther(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        Tensor x = Tensor.constant(RandomCases.values(r, rows, cols));
        Tensor positive = Tensor.constant(RandomCases.uniform(r, rows, cols,
                0.5, 2));
        String at = "seed " + seed;
        assertClose(x.value(), Ops.log(Ops.exp(x)).value(), 1e-15, at);
        assertClose(positive.value(), Ops.exp(Ops.log(positive)).value(),
                1e-15, at);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void sqrtIsPowOneHalfAndItsSquareIsX(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        DMatrixRMaj values = RandomCases.uniform(r, rows, cols, 0.5, 2);
        DMatrixRMaj dY = RandomCases.values(r, rows, cols);
        Tensor x = Tensor.constant(values);
        String at = "seed " + seed;
        Tensor root = Ops.sqrt(x);
        assertClose(values, Ops.mul(root, root).value(), 1e-15, at);
        assertClose(Ops.pow(x, 0.5).value(), root.value(), 1e-15, at);
        assertClose(gradients(t -> Ops.pow(t.get(0), 0.5), dY, values)
                .get(0), gradients(t -> Ops.sqrt(t.get(0)), dY, values)
                .get(0), 1e-14, at + ", dX");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void powTwoIsXTimesXWithTheSameGradient(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        DMatrixRMaj values = RandomCases.values(r, rows, cols);
        DMatrixRMaj dY = RandomCases.values(r, rows, cols);
        String at = "seed " + seed;
        Tensor x = Tensor.constant(values);
        assertClose(Ops.mul(x, x).value(), Ops.pow(x, 2).value(), 1e-15, at);
        List<DMatrixRMaj> squared = gradients(t -> Ops.pow(t.get(0), 2), dY,
                values);
        // x used twice: the engine adds both contributions, dY⊙x + x⊙dY
        List<DMatrixRMaj> product = gradients(
                t -> Ops.mul(t.get(0), t.get(0)), dY, values);
        assertClose(product.get(0), squared.get(0), 1e-15, at + ", dX");
    }
}
