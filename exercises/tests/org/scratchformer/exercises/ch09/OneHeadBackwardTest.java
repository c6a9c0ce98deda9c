package org.scratchformer.exercises.ch09;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;

/**
 * Judges {@link OneHeadBackward}. In every random case T, S, D and E are
 * four different numbers.
 */
@ExtendWith(CaseNames.class)
class OneHeadBackwardTest {

    /** Y = softmax(Q·Kᵀ/√D)·V: the forward here, your backward. */
    static final Op ATTENTION = new Op() {
        @Override
        public String name() {
            return "one-head attention (exercise 9.3)";
        }

        @Override
        public DMatrixRMaj forward(List<DMatrixRMaj> x) {
            DMatrixRMaj p = OneHeadBackward.weights(x.get(0), x.get(1));
            return CommonOps_DDRM.mult(p, x.get(2), null);  // (T, E)
        }

        @Override
        public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return OneHeadBackward.backward(x.get(0), x.get(1), x.get(2),
                    dY);
        }
    };

    static Stream<Arguments> cases() {
        return RandomCases.seeds(9093, 25).map(seed -> {
            // four different sizes from 1 to 5 for T, S, D and E
            List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 4, 5));
            Collections.shuffle(sizes, new Random(seed));
            return Arguments.of(seed, sizes.get(0), sizes.get(1),
                    sizes.get(2), sizes.get(3));
        });
    }

    @ParameterizedTest(name = "seed={0} T={1} S={2} D={3} E={4}")
    @MethodSource("cases")
    void agreesWithCentralDifferences(long seed, int t, int s, int d,
            int e) {
        Random random = new Random(seed);
        GradCheck.of(in -> ATTENTION.apply(in.get(0), in.get(1), in.get(2)))
                .seed(seed).check(
                        Tensor.variable(RandomCases.uniform(random, t, d, -2,
                                2)),
                        Tensor.variable(RandomCases.uniform(random, s, d, -2,
                                2)),
                        Tensor.variable(RandomCases.values(random, s, e)));
    }

    @Test
    void oneKeyTakesAllTheWeight() {
        // S 1: P = 1 whatever Q and K are, so Y = V for every query:
        // dV = Σ over queries of dY, and Q and K get nothing
        DMatrixRMaj q = new DMatrixRMaj(new double[][] {{1, 2}, {3, -1}});
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {{0.5, 4}});
        DMatrixRMaj v = new DMatrixRMaj(new double[][] {{7, 8, 9}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {10, 20, 30}});
        Grads g = OneHeadBackward.backward(q, k, v, dY);
        assertArrayEquals(new double[] {0, 0, 0, 0}, elements(g.get(0)),
                1e-15, "dQ (2x2): one key, no choice to make");
        assertArrayEquals(new double[] {0, 0}, elements(g.get(1)), 1e-15,
                "dK (1x2)");
        assertArrayEquals(new double[] {11, 22, 33}, elements(g.get(2)),
                1e-15, "dV (1x3) = Pᵀ·dY = the sum of dY's rows");
    }

    @Test
    void movingEveryKeyTheSameWayChangesNothing() {
        // K + 1·uᵀ adds q·u to every score of a row, which the softmax
        // ignores: so every column of dK sums to 0
        Random random = new Random(93);
        DMatrixRMaj q = RandomCases.uniform(random, 3, 4, -2, 2);
        DMatrixRMaj k = RandomCases.uniform(random, 5, 4, -2, 2);
        DMatrixRMaj v = RandomCases.values(random, 5, 2);
        DMatrixRMaj dK = OneHeadBackward.backward(q, k, v,
                RandomCases.values(random, 3, 2)).get(1);
        assertEquals(5, dK.numRows, "dK has K's shape (5x4)");
        assertEquals(4, dK.numCols, "dK has K's shape (5x4)");
        for (int c = 0; c < 4; c++) {
            double total = 0;
            for (int s = 0; s < 5; s++) {
                total += dK.get(s, c);
            }
            assertEquals(0, total, 1e-12, "column " + c + " of dK");
        }
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
