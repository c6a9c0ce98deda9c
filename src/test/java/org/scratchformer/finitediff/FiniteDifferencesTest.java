package org.scratchformer.finitediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiniteDifferencesTest {

    @Test
    void derivativeOfSineIsCosine() {
        double x = 1.0;
        assertEquals(Math.cos(x), FiniteDifferences.forward(Math::sin, x, 1e-7),
                1e-6);
        assertEquals(Math.cos(x),
                FiniteDifferences.backward(Math::sin, x, 1e-7), 1e-6);
        assertEquals(Math.cos(x),
                FiniteDifferences.central(Math::sin, x, 1e-5), 1e-9);
    }

    @Test
    void derivativeOfExpIsExp() {
        double x = 0.5;
        assertEquals(Math.exp(x), FiniteDifferences.forward(Math::exp, x, 1e-7),
                1e-6);
        assertEquals(Math.exp(x),
                FiniteDifferences.backward(Math::exp, x, 1e-7), 1e-6);
        assertEquals(Math.exp(x),
                FiniteDifferences.central(Math::exp, x, 1e-5), 1e-9);
    }

    @Test
    void derivativeOfCubeIsThreeSquares() {
        DoubleUnaryOperator cube = x -> x * x * x;
        assertEquals(12.0, FiniteDifferences.forward(cube, 2.0, 1e-7), 1e-5);
        assertEquals(12.0, FiniteDifferences.backward(cube, 2.0, 1e-7), 1e-5);
        assertEquals(12.0, FiniteDifferences.central(cube, 2.0, 1e-5), 1e-8);
    }

    @Test
    void oneSidedDifferencesOfASquareMissByPlusAndMinusH() {
        // ((x + h)² − x²) / h = 2x + h;  (x² − (x − h)²) / h = 2x − h
        DoubleUnaryOperator square = x -> x * x;
        assertEquals(6.5, FiniteDifferences.forward(square, 3.0, 0.5), 1e-12);
        assertEquals(5.5, FiniteDifferences.backward(square, 3.0, 0.5), 1e-12);
        assertEquals(6.0, FiniteDifferences.central(square, 3.0, 0.5), 1e-12);
    }

    @Test
    void centralDifferenceOfCubeIsOffByExactlyHSquared() {
        // ((x + h)³ − (x − h)³) / 2h = 3x² + h²: the whole error is h²/6 f'''
        DoubleUnaryOperator cube = x -> x * x * x;
        assertEquals(12.0 + 0.01, FiniteDifferences.central(cube, 2.0, 0.1),
                1e-12);
    }

    @Test
    void forwardAndBackwardErrorsHalveWithTheStep() {
        double exact = Math.cos(1.0);
        for (boolean forward : new boolean[] {true, false}) {
            double error = error(forward, exact, 1e-2);
            double halfError = error(forward, exact, 0.5e-2);
            double ratio = error / halfError;
            assertTrue(ratio > 1.9 && ratio < 2.1,
                    (forward ? "forward" : "backward") + " ratio " + ratio);
        }
    }

    private static double error(boolean forward, double exact, double h) {
        double estimate = forward
                ? FiniteDifferences.forward(Math::sin, 1.0, h)
                : FiniteDifferences.backward(Math::sin, 1.0, h);
        return Math.abs(estimate - exact);
    }

    // tag::error-order[]
    @Test
    void centralErrorQuartersWithHalfTheStep() {
        double exact = Math.cos(1.0);
        double error = Math.abs(
                FiniteDifferences.central(Math::sin, 1.0, 1e-2) - exact);
        double halfError = Math.abs(
                FiniteDifferences.central(Math::sin, 1.0, 0.5e-2) - exact);
        double ratio = error / halfError;
        assertTrue(ratio > 3.9 && ratio < 4.1, "central ratio " + ratio);
    }
    // end::error-order[]

    @Test
    void gradientOfAKnownFunction() {
        // f(x, y, z) = x²y + sin z;  ∇f = (2xy, x², cos z)
        ToDoubleFunction<double[]> f =
                v -> v[0] * v[0] * v[1] + Math.sin(v[2]);
        double[] x = {1.5, -2.0, 0.3};
        double[] expected = {2 * 1.5 * -2.0, 1.5 * 1.5, Math.cos(0.3)};
        assertArrayEquals(expected, FiniteDifferences.gradient(f, x, 1e-6),
                1e-8);
    }

    @Test
    void jacobianOfAKnownFunction() {
        // f(x, y) = (xy, x + y², eˣ);  one row per output
        Function<double[], double[]> f = v -> new double[] {
            v[0] * v[1], v[0] + v[1] * v[1], Math.exp(v[0])};
        double x = 0.7;
        double y = -1.2;
        double[][] expected = {{y, x}, {1, 2 * y}, {Math.exp(x), 0}};
        double[][] jacobian =
                FiniteDifferences.jacobian(f, new double[] {x, y}, 1e-6);
        assertEquals(3, jacobian.length);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], jacobian[i], 1e-8, "row " + i);
        }
    }

    @Test
    void jacobianCopiesAReusedOutputArray() {
        double[] out = new double[1];
        Function<double[], double[]> square = v -> {
            out[0] = v[0] * v[0];
            return out;  // the same array every call
        };
        double[][] jacobian =
                FiniteDifferences.jacobian(square, new double[] {3.0}, 1e-6);
        assertEquals(6.0, jacobian[0][0], 1e-8);
    }

    @Test
    void jacobianRejectsOutputsOfChangingLength() {
        int[] calls = {0};
        Function<double[], double[]> f = v -> new double[++calls[0]];
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FiniteDifferences.jacobian(f, new double[] {1.0}, 1e-6));
        assertTrue(e.getMessage().contains("outputs"), e.getMessage());
    }

    @Test
    void gradientLeavesXAsItWas() {
        double[] x = {0.1, 0.2, 0.3};
        double[] copy = x.clone();
        FiniteDifferences.gradient(v -> v[0] * v[1] * v[2], x, 1e-3);
        assertArrayEquals(copy, x, 0.0);
    }

    @Test
    void gradientRestoresXWhenFThrows() {
        double[] x = {0.1, 0.2, 0.3};
        double[] copy = x.clone();
        ToDoubleFunction<double[]> f = v -> {
            if (v[1] != 0.2) {
                throw new IllegalStateException("f fails while x₁ is moved");
            }
            return v[0];
        };
        assertThrows(IllegalStateException.class,
                () -> FiniteDifferences.gradient(f, x, 1e-3));
        assertArrayEquals(copy, x, 0.0);
    }

    @Test
    void jacobianRestoresXWhenFThrows() {
        double[] x = {0.1, 0.2};
        double[] copy = x.clone();
        Function<double[], double[]> f = v -> {
            if (v[1] != 0.2) {
                throw new IllegalStateException("f fails while x₁ is moved");
            }
            return new double[] {v[0]};
        };
        assertThrows(IllegalStateException.class,
                () -> FiniteDifferences.jacobian(f, x, 1e-3));
        assertArrayEquals(copy, x, 0.0);
    }

    @Test
    void gradientMovesTheCallersArrayInPlace() {
        // f reads the parameters through its own reference, as a model does
        double[] params = {2.0, 5.0};
        double[][] seen = new double[1][];
        ToDoubleFunction<double[]> loss = v -> {
            seen[0] = v;
            return params[0] * params[1];
        };
        double[] grad = FiniteDifferences.gradient(loss, params, 1e-6);
        assertSame(params, seen[0]);
        assertArrayEquals(new double[] {5.0, 2.0}, grad, 1e-8);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsABadStep(double h) {
        String expected = "the step h must be positive and finite, got " + h;
        Runnable[] calls = {
            () -> FiniteDifferences.forward(Math::sin, 1.0, h),
            () -> FiniteDifferences.backward(Math::sin, 1.0, h),
            () -> FiniteDifferences.central(Math::sin, 1.0, h),
            () -> FiniteDifferences.gradient(v -> v[0], new double[] {1}, h),
            () -> FiniteDifferences.jacobian(v -> v, new double[] {1}, h),
        };
        for (Runnable call : calls) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, call::run);
            assertEquals(expected, e.getMessage());
        }
    }

    // Random cases: f(x) = Σᵢⱼ Aᵢⱼ xᵢ xⱼ + Σᵢ cᵢ sin xᵢ,
    // ∂f/∂xₖ = Σⱼ (Aₖⱼ + Aⱼₖ) xⱼ + cₖ cos xₖ

    static Stream<Arguments> seeds() {
        return LongStream.range(1, 21)
                .mapToObj(seed -> Arguments.of(seed, 1 + (int) (seed % 8)));
    }

    @ParameterizedTest(name = "seed={0}, n={1}")
    @MethodSource("seeds")
    void gradientMatchesTheClosedFormOnRandomCases(long seed, int n) {
        Random random = new Random(seed);
        double[][] a = gaussian(random, n, n);
        double[] c = gaussian(random, 1, n)[0];
        double[] x = gaussian(random, 1, n)[0];
        ToDoubleFunction<double[]> f = v -> {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum += a[i][j] * v[i] * v[j];
                }
                sum += c[i] * Math.sin(v[i]);
            }
            return sum;
        };
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                expected[k] += (a[k][j] + a[j][k]) * x[j];
            }
            expected[k] += c[k] * Math.cos(x[k]);
        }
        assertArrayEquals(expected, FiniteDifferences.gradient(f, x, 1e-6),
                1e-7, "seed=" + seed);
    }

    // Random cases: f(x) = W tanh(x), W (m, n);  J = W diag(1 − tanh² x)

    @ParameterizedTest(name = "seed={0}, n={1}")
    @MethodSource("seeds")
    void jacobianMatchesTheClosedFormOnRandomCases(long seed, int n) {
        Random random = new Random(seed);
        int m = 1 + random.nextInt(5);
        double[][] w = gaussian(random, m, n);
        double[] x = gaussian(random, 1, n)[0];
        Function<double[], double[]> f = v -> {
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    y[i] += w[i][j] * Math.tanh(v[j]);
                }
            }
            return y;
        };
        double[][] jacobian = FiniteDifferences.jacobian(f, x, 1e-6);
        assertEquals(m, jacobian.length, "seed=" + seed);
        for (int i = 0; i < m; i++) {
            double[] expected = new double[n];
            for (int j = 0; j < n; j++) {
                double t = Math.tanh(x[j]);
                expected[j] = w[i][j] * (1 - t * t);
            }
            assertArrayEquals(expected, jacobian[i], 1e-8,
                    "seed=" + seed + ", m=" + m + ", row " + i);
        }
    }

    private static double[][] gaussian(Random random, int rows, int cols) {
        double[][] values = new double[rows][cols];
        for (double[] row : values) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return values;
    }
}
