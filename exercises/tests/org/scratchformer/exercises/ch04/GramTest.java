package org.scratchformer.exercises.ch04;

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
class GramTest {

    static Stream<Arguments> cases() {
        return RandomCases.seeds(41, 30).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r, 2),
                    RandomCases.size(r));
        });
    }

    @ParameterizedTest(name = "seed={0} x=({1}x{2})")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(long seed, int n, int d) {
        Tensor x = Tensor.variable(RandomCases.values(new Random(seed), n, d));
        GradCheck.of(in -> new Gram().apply(in.get(0))).seed(seed).check(x);
    }

    @Test
    void anUnsymmetricDyReachesBothUses() {
        // Y = X·Xᵀ with X = I: dX = (dY + dYᵀ)·I
        Tensor x = Tensor.variable(new double[][] {{1, 0}, {0, 1}});
        Tensor y = new Gram().apply(x);
        assertTrue(MatrixFeatures_DDRM.isIdentical(x.value(), y.value(), 0),
                "I·Iᵀ = I: " + y.value());
        y.backward(new DMatrixRMaj(new double[][] {{0, 1}, {0, 0}}));
        assertTrue(MatrixFeatures_DDRM.isIdentical(new DMatrixRMaj(
                new double[][] {{0, 1}, {1, 0}}), x.grad(), 0),
                "dX = " + x.grad());
    }
}
