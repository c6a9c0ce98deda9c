package org.scratchformer.exercises.ch08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.exercises.ShapeErrors;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Tensor;

/**
 * Judges {@link ScoresBackward}. In every random case B, T, S and D are
 * four different numbers, so a transpose left out or a block read from the
 * wrong sequence cannot pass by coincidence.
 */
@ExtendWith(CaseNames.class)
class ScoresBackwardTest {

    /** Y[b] = A[b]·B[b]ᵀ per sequence: the forward here, your backward. */
    static final class Scores extends BinaryOp {
        private final int batch;

        Scores(int batch) {
            this.batch = batch;
        }

        @Override
        public String name() {
            return "batched scores (exercise 8.1)";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
            int t = a.numRows / batch;
            int s = b.numRows / batch;
            DMatrixRMaj y = new DMatrixRMaj(a.numRows, s);  // (B·T, S)
            for (int seq = 0; seq < batch; seq++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < s; j++) {
                        double dot = 0;
                        for (int c = 0; c < a.numCols; c++) {
                            dot += a.get(seq * t + i, c)
                                    * b.get(seq * s + j, c);
                        }
                        y.set(seq * t + i, j, dot);
                    }
                }
            }
            return y;
        }

        @Override
        protected Grads backward(DMatrixRMaj a, DMatrixRMaj b,
                DMatrixRMaj y, DMatrixRMaj dY) {
            return backwardOf(a, b, dY, batch);
        }
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(808, 25).map(seed -> {
            // four different sizes from 1 to 5 for B, T, S and D
            List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 4, 5));
            Collections.shuffle(sizes, new Random(seed));
            return Arguments.of(seed, sizes.get(0), sizes.get(1),
                    sizes.get(2), sizes.get(3));
        });
    }

    @ParameterizedTest(name = "seed={0} B={1} T={2} S={3} D={4}")
    @MethodSource("cases")
    void agreesWithCentralDifferences(long seed, int batch, int t, int s,
            int d) {
        Random random = new Random(seed);
        Scores scores = new Scores(batch);
        GradCheck.of(in -> scores.apply(in.get(0), in.get(1))).seed(seed)
                .check(Tensor.variable(RandomCases.values(random,
                        batch * t, d)),
                        Tensor.variable(RandomCases.values(random,
                                batch * s, d)));
    }

    @Test
    void knownValuesForTwoSequences() {
        // B 2, T 1, S 2, D 1: sequence 0 is A row 0 with B rows 0-1,
        // sequence 1 is A row 1 with B rows 2-3
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1}, {2}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{1}, {2}, {3}, {4}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        Grads grads = backwardOf(a, b, dY, 2);
        // dA[0] = 1·1 + 0·2 = 1,  dA[1] = 0·3 + 1·4 = 4
        assertArrayEquals(new double[] {1, 4}, elements(grads.get(0)),
                1e-15, "dA (2x1) = dY[b]·B[b] per sequence");
        // dB[0] = dY[0]ᵀ·A[0] = (1, 0)·1,  dB[1] = dY[1]ᵀ·A[1] = (0, 1)·2
        assertArrayEquals(new double[] {1, 0, 0, 2}, elements(grads.get(1)),
                1e-15, "dB (4x1) = dY[b]ᵀ·A[b] per sequence");
    }

    @Test
    void aSequenceWithoutGradientGetsNone() {
        // dY is 0 in sequence 1, so nothing of sequence 1 may move, however
        // large its A and B are
        Random random = new Random(81);
        DMatrixRMaj a = RandomCases.values(random, 2 * 3, 4);  // T 3, D 4
        DMatrixRMaj b = RandomCases.values(random, 2 * 2, 4);  // S 2
        DMatrixRMaj dY = new DMatrixRMaj(6, 2);
        for (int r = 0; r < 3; r++) {
            dY.set(r, 0, 1 + r);
            dY.set(r, 1, -r);
        }
        Grads grads = backwardOf(a, b, dY, 2);
        assertEquals("(6x4)", shape(grads.get(0)), "dA has A's shape");
        assertEquals("(4x4)", shape(grads.get(1)), "dB has B's shape");
        for (int c = 0; c < 4; c++) {
            for (int r = 3; r < 6; r++) {
                assertEquals(0, grads.get(0).get(r, c), 0,
                        "dA row " + r + " belongs to sequence 1");
            }
            for (int r = 2; r < 4; r++) {
                assertEquals(0, grads.get(1).get(r, c), 0,
                        "dB row " + r + " belongs to sequence 1");
            }
        }
    }

    /** Your backward, a shape error in it named with the shapes. */
    static Grads backwardOf(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj dY,
            int batch) {
        return ShapeErrors.call("ScoresBackward.backward(A " + shape(a)
                + ", B " + shape(b) + ", dY " + shape(dY) + ", batch "
                + batch + ")", "dA " + shape(a) + " and dB " + shape(b),
                () -> ScoresBackward.backward(a, b, dY, batch));
    }

    static String shape(DMatrixRMaj m) {
        return ShapeErrors.shape(m);
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
