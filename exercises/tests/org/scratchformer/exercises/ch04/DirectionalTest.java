package org.scratchformer.exercises.ch04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.MatMul;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Sum;
import org.scratchformer.tensor.Tensor;

@ExtendWith(CaseNames.class)
class DirectionalTest {

    static double sumOfPowers(DMatrixRMaj x, int p) {
        double total = 0;
        for (int k = 0; k < x.getNumElements(); k++) {
            total += Math.pow(x.get(k), p);
        }
        return total;
    }

    static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        double total = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            total += a.get(k) * b.get(k);
        }
        return total;
    }

    @Test
    void alongUOfASumOfSquares() {
        // f = Σ x², grad = 2x, so D_u f = 2⟨x, u⟩
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, -2}, {0.5, 3}});
        DMatrixRMaj u = new DMatrixRMaj(new double[][] {{0, 1}, {2, -1}});
        double derivative = Directional.derivative(v -> sumOfPowers(v, 2),
                x, u, 1e-6);
        assertEquals(2 * dot(x, u), derivative, 1e-8);
    }

    @Test
    void theErrorShrinksLikeTheSquareOfTheStep() {
        // f = Σ x³: a one-sided difference is off by about 3·Σ x·u²·h
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, -1}});
        DMatrixRMaj u = new DMatrixRMaj(new double[][] {{1, 1, 1}});
        double exact = 3 * (1 + 4 + 1);
        double derivative = Directional.derivative(v -> sumOfPowers(v, 3),
                x, u, 1e-3);
        assertEquals(exact, derivative, 1e-5, "central: error O(h²)");
    }

    @Test
    void xIsLeftAloneAndFIsEvaluatedTwice() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 3}});
        DMatrixRMaj before = x.copy();
        DMatrixRMaj u = new DMatrixRMaj(new double[][] {{0.5, 0, -1}});
        AtomicInteger calls = new AtomicInteger();
        ToDoubleFunction<DMatrixRMaj> f = v -> {
            calls.incrementAndGet();
            assertTrue(v != x, "f gets a moved copy, not x itself");
            return sumOfPowers(v, 2);
        };
        Directional.derivative(f, x, u, 1e-4);
        assertTrue(MatrixFeatures_DDRM.isIdentical(before, x, 0),
                "x = " + x);
        assertEquals(2, calls.get(), "f(x + h·u) and f(x − h·u)");
    }

    @Test
    void badArgumentsAreRejected() {
        DMatrixRMaj x = new DMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Directional.derivative(v -> 0, x, new DMatrixRMaj(3, 2),
                        1e-6));
        assertTrue(e.getMessage().contains("(3x2)")
                && e.getMessage().contains("(2x3)"), "the message must name"
                + " both shapes as Shapes.of writes them, (3x2) and (2x3): "
                + e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Directional.derivative(v -> 0, x, x, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Directional.derivative(v -> 0, x, x, Double.NaN));
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(42, 30).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r), RandomCases.size(r),
                    RandomCases.size(r));
        });
    }

    @ParameterizedTest(name = "seed={0} x=({1}x{2}) w=({2}x{3})")
    @MethodSource("cases")
    @SuppressWarnings("try")  // the no-grad scope is opened for its effect
    void agreesWithTheEngineAlongAnyDirection(long seed, int n, int k,
            int m) {
        Random r = new Random(seed);
        DMatrixRMaj x = RandomCases.values(r, n, k);
        DMatrixRMaj u = RandomCases.values(r, n, k);
        Tensor w = Tensor.constant(RandomCases.values(r, k, m));
        MatMul matmul = new MatMul();
        Sum sum = new Sum();
        // f(X) = Σ (X·W)² + Σ X·W, with no graph
        ToDoubleFunction<DMatrixRMaj> f = v -> {
            try (NoGrad scope = NoGrad.enter()) {
                Tensor xw = matmul.apply(Tensor.constant(v), w);
                return sumOfPowers(xw.value(), 2) + sum.apply(xw).item();
            }
        };
        // the engine's gradient: dL/d(XW) = 2·XW + 1, then back through W
        Tensor tx = Tensor.variable(x.copy());
        DMatrixRMaj xw = matmul.apply(tx, w).value();
        DMatrixRMaj dXW = new DMatrixRMaj(n, m);
        for (int i = 0; i < dXW.getNumElements(); i++) {
            dXW.set(i, 2 * xw.get(i) + 1);
        }
        matmul.apply(tx, w).backward(dXW);
        double expected = dot(tx.grad(), u);
        assertEquals(expected, Directional.derivative(f, x, u, 1e-6),
                1e-6 * Math.max(1, Math.abs(expected)));
    }
}
