package org.scratchformer.exercises.ch10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.nn.LayerNorm;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Judges {@link Residual} with stand-ins that tell the two orders apart,
 * and with a real LayerNorm under GradCheck.
 */
@ExtendWith(CaseNames.class)
class ResidualTest {
    // f(X) = 3·X and "norm"(X) = X + 1: post gives 4X + 1, pre 4X + 3
    static final UnaryOperator<Tensor> TRIPLE = x -> Ops.scale(x, 3);
    static final UnaryOperator<Tensor> PLUS_ONE = x -> Ops.add(x,
            Tensor.constant(new double[][] {{1, 1}}));

    @Test
    void postNormNormalisesTheSum() {
        Tensor x = Tensor.variable(new double[][] {{1, -2}});
        Tensor y = Residual.postNorm(x, TRIPLE, PLUS_ONE);
        // LN(X + f(X)) = (X + 3X) + 1
        assertArrayEquals(new double[] {5, -7}, elements(y.value()), 1e-15,
                "post-LN with f = 3X and LN = X + 1 is 4X + 1");
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
        assertArrayEquals(new double[] {4, 4}, elements(x.grad()), 1e-15,
                "dX = dY·(1 + 3): both uses of X");
    }

    @Test
    void preNormAddsXItself() {
        Tensor x = Tensor.variable(new double[][] {{1, -2}});
        Tensor y = Residual.preNorm(x, TRIPLE, PLUS_ONE);
        // X + f(LN(X)) = X + 3(X + 1)
        assertArrayEquals(new double[] {7, -5}, elements(y.value()), 1e-15,
                "pre-LN with f = 3X and LN = X + 1 is 4X + 3");
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
        assertArrayEquals(new double[] {4, 4}, elements(x.grad()), 1e-15,
                "dX = dY·(1 + 3): both uses of X");
    }

    @Test
    void eachOrderCallsFAndNormOnce() {
        AtomicInteger fCalls = new AtomicInteger();
        AtomicInteger normCalls = new AtomicInteger();
        UnaryOperator<Tensor> f = x -> {
            fCalls.incrementAndGet();
            return TRIPLE.apply(x);
        };
        UnaryOperator<Tensor> norm = x -> {
            normCalls.incrementAndGet();
            return PLUS_ONE.apply(x);
        };
        Tensor x = Tensor.variable(new double[][] {{1, -2}});
        Residual.postNorm(x, f, norm);
        Residual.preNorm(x, f, norm);
        assertEquals(2, fCalls.get(), "f calls for one post and one pre");
        assertEquals(2, normCalls.get(),
                "norm calls for one post and one pre");
    }

    @Test
    void withoutASublayerPreNormIsTheIdentity() {
        // f = 0: pre-LN passes X through untouched, post-LN normalises it
        Tensor x = Tensor.variable(new double[][] {{3, 1, 2}, {0, 4, 8}});
        LayerNorm norm = new LayerNorm(3);
        UnaryOperator<Tensor> zero = in -> Ops.scale(in, 0);
        assertArrayEquals(elements(x.value()),
                elements(Residual.preNorm(x, zero, norm::forward).value()),
                0, "X + 0 is X");
        assertArrayEquals(elements(norm.forward(x).value()),
                elements(Residual.postNorm(x, zero, norm::forward).value()),
                1e-15, "LN(X + 0) is LN(X)");
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(1020, 15);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void bothOrdersAgreeWithCentralDifferences(long seed) {
        // f(X) = tanh(X·W), W fixed; a real LayerNorm
        Random random = new Random(seed);
        int rows = RandomCases.size(random);
        int width = RandomCases.size(random, 2);
        Tensor w = Tensor.constant(RandomCases.values(random, width, width));
        UnaryOperator<Tensor> f = in -> Ops.tanh(Ops.matmul(in, w));
        LayerNorm norm = new LayerNorm(width);
        Tensor x = Tensor.variable(RandomCases.values(random, rows, width));
        GradCheck.of(in -> Residual.postNorm(in.get(0), f, norm::forward))
                .seed(seed).check(x);
        GradCheck.of(in -> Residual.preNorm(in.get(0), f, norm::forward))
                .seed(seed).check(x);
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
