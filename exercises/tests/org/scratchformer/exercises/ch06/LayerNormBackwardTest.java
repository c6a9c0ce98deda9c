package org.scratchformer.exercises.ch06;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;

@ExtendWith(CaseNames.class)
class LayerNormBackwardTest {
    static final double EPS = 1e-5;

    /** y = γ ⊙ x̂ with a fixed γ: the forward here, your dX backward. */
    static Op layerNorm(DMatrixRMaj gamma) {
        return new Op() {
            @Override
            public String name() {
                return "layer_norm (exercise 6.2)";
            }

            @Override
            public DMatrixRMaj forward(List<DMatrixRMaj> in) {
                DMatrixRMaj x = in.get(0);
                DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
                for (int r = 0; r < x.numRows; r++) {
                    double mu = 0;
                    double square = 0;
                    for (int c = 0; c < x.numCols; c++) {
                        mu += x.get(r, c) / x.numCols;
                    }
                    for (int c = 0; c < x.numCols; c++) {
                        double d = x.get(r, c) - mu;
                        square += d * d / x.numCols;
                    }
                    double rstd = 1 / Math.sqrt(square + EPS);
                    for (int c = 0; c < x.numCols; c++) {
                        y.set(r, c, gamma.get(0, c) * (x.get(r, c) - mu)
                                * rstd);
                    }
                }
                return y;
            }

            @Override
            public Grads backward(List<DMatrixRMaj> in, DMatrixRMaj y,
                    DMatrixRMaj dY) {
                return new Grads(LayerNormBackward.dX(in.get(0), gamma, dY,
                        EPS));
            }
        };
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(62, 30);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void passesTheGradientCheck(long seed) {
        Random random = new Random(seed);
        int rows = RandomCases.size(random);
        int cols = RandomCases.size(random, 2);
        DMatrixRMaj gamma = RandomCases.uniform(random, 1, cols, 0.5, 1.5);
        Op op = layerNorm(gamma);
        GradCheck.of(in -> op.apply(in.get(0))).seed(seed).check(
                Tensor.variable(RandomCases.values(random, rows, cols)));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void eachRowOfDxSumsToZero(long seed) {
        // shifting a row by a constant leaves y unchanged: Σ_c dx = 0
        Random random = new Random(seed);
        DMatrixRMaj x = RandomCases.values(random, 3, 5);
        DMatrixRMaj dX = LayerNormBackward.dX(x,
                RandomCases.uniform(random, 1, 5, 0.5, 1.5),
                RandomCases.values(random, 3, 5), EPS);
        assertEquals(3, dX.numRows, "rows of dX");
        assertEquals(5, dX.numCols, "columns of dX");
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int c = 0; c < 5; c++) {
                sum += dX.get(r, c);
            }
            assertEquals(0, sum, 1e-12, "seed=" + seed + ", row " + r);
        }
    }

    @Test
    void aConstantDyWithAConstantGainGivesZero() {
        // L = Σ c·γ·x̂ = c·γ·Σ x̂ = 0 for every x: no gradient at all
        DMatrixRMaj dX = LayerNormBackward.dX(
                new DMatrixRMaj(new double[][] {{1, 2, 4}, {-3, 0, 5}}),
                new DMatrixRMaj(new double[][] {{2, 2, 2}}),
                new DMatrixRMaj(new double[][] {{0.7, 0.7, 0.7},
                    {-1, -1, -1}}), EPS);
        for (int k = 0; k < dX.getNumElements(); k++) {
            assertEquals(0, dX.get(k), 1e-12, "element " + k);
        }
    }

    @Test
    void knownValuesForTwoFeatures() {
        // x = (a, b): x̂ = ±d/√(d² + ε) with d = (a − b)/2; for ε → 0 the
        // output does not move, for ε > 0 it moves a little:
        // dx̂₀/da = ε/(d² + ε)^(3/2) / 2, and dx̂₁ = −dx̂₀
        double a = 1;
        double b = 0;
        double d = (a - b) / 2;
        double slope = EPS / Math.pow(d * d + EPS, 1.5) / 2;
        DMatrixRMaj dX = LayerNormBackward.dX(
                new DMatrixRMaj(new double[][] {{a, b}}),
                new DMatrixRMaj(new double[][] {{1, 1}}),
                new DMatrixRMaj(new double[][] {{1, 0}}), EPS);
        // L = x̂₀: dL/da = slope, dL/db = −slope
        assertEquals(slope, dX.get(0, 0), 1e-12);
        assertEquals(-slope, dX.get(0, 1), 1e-12);
    }
}
