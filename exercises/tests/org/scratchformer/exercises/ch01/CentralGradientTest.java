package org.scratchformer.exercises.ch01;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;

@ExtendWith(CaseNames.class)
class CentralGradientTest {

    @Test
    void gradientOfAQuadratic() {
        // f(x, y) = x² + 3xy;  ∇f = (2x + 3y, 3x)
        ToDoubleFunction<double[]> f = v -> v[0] * v[0] + 3 * v[0] * v[1];
        double[] grad = CentralGradient.gradient(f, new double[] {1, -2}, 1e-5);
        assertArrayEquals(new double[] {2 - 6, 3}, grad, 1e-8);
    }

    @Test
    void isCentralNotOneSided() {
        // for a sum of cubes the central difference is exactly 3xᵢ² + h²;
        // a forward difference would give 3xᵢ² + 3xᵢh + h²
        ToDoubleFunction<double[]> f = v -> {
            double sum = 0;
            for (double vi : v) {
                sum += vi * vi * vi;
            }
            return sum;
        };
        double h = 0.1;
        double[] x = {1, -2, 0.5};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = 3 * x[i] * x[i] + h * h;
        }
        assertArrayEquals(expected, CentralGradient.gradient(f, x, h), 1e-10);
    }

    @Test
    void leavesXAsItWas() {
        double[] x = {0.1, 0.2, 0.3};
        double[] copy = x.clone();
        double[] grad = CentralGradient.gradient(v -> v[0] * v[1] * v[2], x,
                1e-3);
        assertEquals(3, grad.length);
        assertArrayEquals(copy, x, 0.0);
    }

    @Test
    void leavesXAsItWasEvenWhenFThrows() {
        double[] x = {0.1, 0.2, 0.3};
        double[] copy = x.clone();
        ToDoubleFunction<double[]> f = v -> {
            if (v[1] != 0.2) {
                throw new IllegalStateException("f fails while x₁ is moved");
            }
            return v[0];
        };
        assertThrows(IllegalStateException.class,
                () -> CentralGradient.gradient(f, x, 1e-3));
        assertArrayEquals(copy, x, 0.0);
    }

    static Stream<Arguments> seeds() {
        return LongStream.range(1, 11)
                .mapToObj(seed -> Arguments.of(seed, 1 + (int) (seed % 6)));
    }

    // f(x) = Σᵢ cᵢ sin xᵢ + (Σᵢ xᵢ)²;  ∂f/∂xₖ = cₖ cos xₖ + 2 Σᵢ xᵢ
    @ParameterizedTest(name = "seed={0}, n={1}")
    @MethodSource("seeds")
    void matchesTheClosedFormOnRandomPoints(long seed, int n) {
        Random random = new Random(seed);
        double[] c = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = random.nextGaussian();
            x[i] = random.nextGaussian();
        }
        ToDoubleFunction<double[]> f = v -> {
            double sines = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sines += c[i] * Math.sin(v[i]);
                sum += v[i];
            }
            return sines + sum * sum;
        };
        double total = 0;
        for (double xi : x) {
            total += xi;
        }
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            expected[k] = c[k] * Math.cos(x[k]) + 2 * total;
        }
        assertArrayEquals(expected, CentralGradient.gradient(f, x, 1e-6),
                1e-7, "seed=" + seed);
    }
}
