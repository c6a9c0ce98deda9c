package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.ops.MatrixAssertions.assertClose;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** tanh, sigmoid, relu and gelu: known values, gradients, properties. */
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
    void geluMatchesTheTanhApproximation() {
        Tensor x = Tensor.variable(new double[][] {{1, -1, 2, -3, 0}});
        Tensor y = Ops.gelu(x);
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
        DMatrixRMaj y = Ops.gelu(Tensor.constant(x)).value();
        DMatrixRMaj yOfMinus = Ops.gelu(Tensor.constant(minusX)).value();
        for (int k = 0; k < x.getNumElements(); k++) {
            // 0.5·x·(1 + t) + 0.5·x·(1 − t) = x, since tanh is odd
            assertEquals(x.get(k), y.get(k) - yOfMinus.get(k), 1e-14);
        }
    }
}
