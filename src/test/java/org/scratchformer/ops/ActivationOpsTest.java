package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.ops.MatrixAssertions.assertClose;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * tanh, sigmoid, relu and both GELUs: known values, gradients, properties.
 */
class ActivationOpsTest {
    static final double EXACT = 1e-15;

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_0001, 20);
    }

    static DMatrixRMaj ones(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        m.fill(1);
        return m;
    }

    static DMatrixRMaj scaled(DMatrixRMaj x, double c) {
        DMatrixRMaj m = new DMatrixRMaj(x.numRows, x.numCols);
        for (int k = 0; k < m.getNumElements(); k++) {
            m.set(k, c * x.get(k));
        }
        return m;
    }

    @Test
    void tanhValuesAndGradientFromTheOutput() {
        Tensor x = Tensor.variable(new double[][] {{0.5, -0.5, 0}});
        Tensor y = Ops.tanh(x);
        y.backward(ones(1, 3));
        // tanh(0.5) = 0.46211715726000974;  1 − tanh²(0.5) = 0.78644773...
        assertClose(new double[][] {{0.46211715726000974,
                -0.46211715726000974, 0}}, y.value(), EXACT);
        assertClose(new double[][] {{0.7864477329659274,
                0.7864477329659274, 1}}, x.grad(), EXACT);
    }

    @Test
    void sigmoidValuesAndGradient() {
        Tensor x = Tensor.variable(new double[][] {{0, 2, -2}});
        Tensor y = Ops.sigmoid(x);
        y.backward(new DMatrixRMaj(new double[][] {{4, 1, 2}}));
        assertClose(new double[][] {{0.5, 0.8807970779778823,
                0.11920292202211755}}, y.value(), EXACT);
        // σ'(0) = 1/4;  σ'(±2) = σ(2)·σ(−2) = 0.10499358540350662
        assertClose(new double[][] {{1, 0.10499358540350662,
                2 * 0.10499358540350662}}, x.grad(), EXACT);
    }

    @Test
    void sigmoidIsStableAtPlusAndMinusAThousand() {
        Tensor x = Tensor.variable(new double[][] {{-1000, 1000}});
        Tensor y = Ops.sigmoid(x);
        y.backward(ones(1, 2));
        assertClose(new double[][] {{0, 1}}, y.value(), 0);
        assertClose(new double[][] {{0, 0}}, x.grad(), 0);  // not NaN
    }

    @Test
    void reluValuesAndGradientWithZeroAtTheKink() {
        Tensor x = Tensor.variable(new double[][] {{-1.5, 0, 2}});
        Tensor y = Ops.relu(x);
        y.backward(new DMatrixRMaj(new double[][] {{3, 3, 3}}));
        assertClose(new double[][] {{0, 0, 2}}, y.value(), 0);
        assertClose(new double[][] {{0, 0, 3}}, x.grad(), 0);
    }

    @Test
    void geluTanhMatchesTheTanhApproximation() {
        Tensor x = Tensor.variable(new double[][] {{1, -1, 2, -3, 0}});
        Tensor y = Ops.geluTanh(x);
        y.backward(ones(1, 5));
        // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))); PyTorch prints
        // gelu(1, approximate='tanh') as 0.8412 (erf GELU gives 0.8413)
        assertClose(new double[][] {{0.8411919906082768,
                -0.15880800939172324, 1.954597694087775,
                -0.0036373920817729943, 0}}, y.value(), 1e-14);
        assertClose(new double[][] {{1.0829640838457826,
                -0.08296408384578255, 1.0860992566236183,
                -0.011584166630969516, 0.5}}, x.grad(), 1e-14);
    }

    @Test
    void geluErfIsXTimesTheNormalDistributionFunction() {
        Tensor x = Tensor.variable(new double[][] {{1, -1, 2, -3, 0, 0.5}});
        Tensor y = Ops.geluErf(x);
        y.backward(ones(1, 6));
        // F.gelu(x) and its gradient in PyTorch 1.13, float64: x·Φ(x) and
        // Φ(x) + x·φ(x); Φ(1) = 0.8413447460685429…
        assertClose(new double[][] {{0.841344746068543,
                -0.15865525393145702, 1.9544997361036416,
                -0.00404969409489031, 0, 0.34573123063700656}},
                y.value(), 1e-15);
        assertClose(new double[][] {{1.0833154705876864,
                -0.08331547058768635, 1.085231801078197,
                -0.01194564720418392, 0.5, 0.8674951246561629}},
                x.grad(), 1e-15);
    }

    @Test
    void geluErfKeepsItsDigitsFarOutOnTheNegativeSide() {
        Tensor x = Tensor.variable(new double[][] {{-10, -6}});
        Tensor y = Ops.geluErf(x);
        y.backward(ones(1, 2));
        // mpmath at 40 digits: x·Φ(x) and Φ(x) + x·φ(x). PyTorch's
        // 0.5·x·(1 + erf(x/√2)) gives −0 at x = −10, as 1 + erf cancels
        double[] value = {-7.619853024160526e-23, -5.9195258702261885e-09};
        double[] slope = {-7.618400096464814e-22, -3.5468709453902015e-08};
        for (int j = 0; j < 2; j++) {
            assertEquals(value[j], y.value().get(0, j),
                    1e-14 * Math.abs(value[j]), "Y at x = " + x.get(0, j));
            assertEquals(slope[j], x.grad().get(0, j),
                    1e-14 * Math.abs(slope[j]), "dX at x = " + x.get(0, j));
        }
    }

    @Test
    void theTwoGelusDifferByAtMostFiveTenThousandths() {
        // the difference that code ported from PyTorch would silently carry
        DMatrixRMaj x = new DMatrixRMaj(1, 1201);
        for (int j = 0; j < x.numCols; j++) {
            x.set(0, j, -6 + j / 100.0);
        }
        DMatrixRMaj exact = Ops.geluErf(Tensor.constant(x)).value();
        DMatrixRMaj approx = Ops.geluTanh(Tensor.constant(x)).value();
        double largest = 0;
        for (int j = 0; j < x.numCols; j++) {
            largest = Math.max(largest, Math.abs(exact.get(j)
                    - approx.get(j)));
        }
        // largest at |x| ≈ 2.7
        assertEquals(4.73e-4, largest, 1e-6);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void sigmoidOfMinusXIsOneMinusSigmoidOfX(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = RandomCases.uniform(random, RandomCases.size(random),
                RandomCases.size(random), -30, 30);
        DMatrixRMaj minusX = scaled(x, -1);
        DMatrixRMaj y = Ops.sigmoid(Tensor.constant(x)).value();
        DMatrixRMaj yOfMinus = Ops.sigmoid(Tensor.constant(minusX)).value();
        for (int k = 0; k < x.getNumElements(); k++) {
            assertEquals(1.0, y.get(k) + yOfMinus.get(k), 1e-15);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void tanhIsARescaledSigmoid(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = RandomCases.uniform(random, RandomCases.size(random),
                RandomCases.size(random), -5, 5);
        DMatrixRMaj twoX = scaled(x, 2);
        DMatrixRMaj y = Ops.tanh(Tensor.constant(x)).value();
        DMatrixRMaj s = Ops.sigmoid(Tensor.constant(twoX)).value();
        for (int k = 0; k < x.getNumElements(); k++) {
            // tanh(x) = 2σ(2x) − 1
            assertEquals(2 * s.get(k) - 1, y.get(k), 1e-15);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void geluOfXMinusGeluOfMinusXIsX(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = RandomCases.uniform(random, RandomCases.size(random),
                RandomCases.size(random), -6, 6);
        DMatrixRMaj minusX = scaled(x, -1);
        // x·Φ(x) − (−x)·Φ(−x) = x·(Φ(x) + Φ(−x)) = x, since the normal
        // density is even; 0.5·x·(1 + t) + 0.5·x·(1 − t) = x, as tanh is odd
        for (Function<Tensor, Tensor> gelu : List.<Function<Tensor, Tensor>>of(
                Ops::geluErf, Ops::geluTanh)) {
            DMatrixRMaj y = gelu.apply(Tensor.constant(x)).value();
            DMatrixRMaj yOfMinus = gelu.apply(Tensor.constant(minusX))
                    .value();
            for (int k = 0; k < x.getNumElements(); k++) {
                assertEquals(x.get(k), y.get(k) - yOfMinus.get(k), 1e-14);
            }
        }
    }
}
