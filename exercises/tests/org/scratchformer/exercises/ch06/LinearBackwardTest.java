package org.scratchformer.exercises.ch06;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
class LinearBackwardTest {

    /** Y = X·W + 1·b forward, your backward. */
    static final Op LINEAR = new Op() {
        @Override
        public String name() {
            return "linear (exercise 6.1)";
        }

        @Override
        public DMatrixRMaj forward(List<DMatrixRMaj> in) {
            DMatrixRMaj y = CommonOps_DDRM.mult(in.get(0), in.get(1), null);
            for (int r = 0; r < y.numRows; r++) {
                for (int c = 0; c < y.numCols; c++) {
                    y.add(r, c, in.get(2).get(0, c));
                }
            }
            return y;
        }

        @Override
        public Grads backward(List<DMatrixRMaj> in, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return LinearBackward.backward(in.get(0), in.get(1), dY);
        }
    };

    static Grads handCase() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1},
            {1, 1}});
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2, 3},
            {4, 5, 6}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 2, 3},
            {4, 5, 6}, {7, 8, 9}});
        return LinearBackward.backward(x, w, dY);
    }

    static void assertMatrix(double[][] expected, DMatrixRMaj actual,
            String name) {
        DMatrixRMaj e = new DMatrixRMaj(expected);
        assertEquals(e.numRows + "x" + e.numCols, actual.numRows + "x"
                + actual.numCols, name + ": shape");
        for (int k = 0; k < e.getNumElements(); k++) {
            assertEquals(e.get(k), actual.get(k), 1e-12, name + ": element "
                    + k / e.numCols + "," + k % e.numCols);
        }
    }

    @Test
    void theBiasGradientIsOneSumPerColumnOfDy() {
        // b reached all three rows of Y: (1+4+7, 2+5+8, 3+6+9)
        assertMatrix(new double[][] {{12, 15, 18}}, handCase().get(2), "db");
    }

    @Test
    void theWeightGradientIsXTransposedTimesDy() {
        assertMatrix(new double[][] {{8, 10, 12}, {11, 13, 15}},
                handCase().get(1), "dW");
    }

    @Test
    void theInputGradientIsDyTimesWTransposed() {
        assertMatrix(new double[][] {{14, 32}, {32, 77}, {50, 122}},
                handCase().get(0), "dX");
    }

    @Test
    void withOneRowTheBiasGradientIsDy() {
        Grads grads = LinearBackward.backward(new DMatrixRMaj(
                new double[][] {{0.5, -1}}), new DMatrixRMaj(2, 3),
                new DMatrixRMaj(new double[][] {{1, -2, 3}}));
        assertMatrix(new double[][] {{1, -2, 3}}, grads.get(2), "db");
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(61, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void passesTheGradientCheck(long seed) {
        Random random = new Random(seed);
        int n = RandomCases.size(random);
        int k = RandomCases.size(random);
        int c = RandomCases.size(random);
        GradCheck.of(in -> LINEAR.apply(in.get(0), in.get(1), in.get(2)))
                .seed(seed).check(
                        Tensor.variable(RandomCases.values(random, n, k)),
                        Tensor.variable(RandomCases.values(random, k, c)),
                        Tensor.variable(RandomCases.values(random, 1, c)));
    }
}
