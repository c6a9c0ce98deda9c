package org.scratchformer.exercises.ch05;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.values;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;

/** Judges {@link LinearBackward} with GradCheck and known values. */
class LinearBackwardTest {

    /** Y = X·W + 1·b with the test's forward and the learner's backward. */
    static final class LearnersLinear implements Op {
        @Override
        public String name() {
            return "linear (exercise)";
        }

        @Override
        public DMatrixRMaj forward(List<DMatrixRMaj> in) {
            DMatrixRMaj x = in.get(0);
            DMatrixRMaj w = in.get(1);
            DMatrixRMaj b = in.get(2);
            DMatrixRMaj y = CommonOps_DDRM.mult(x, w, null);  // (R, C)
            for (int i = 0; i < y.numRows; i++) {
                for (int j = 0; j < y.numCols; j++) {
                    y.add(i, j, b.get(0, j));  // b added to every row
                }
            }
            return y;
        }

        @Override
        public Grads backward(List<DMatrixRMaj> in, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return LinearBackward.backward(in.get(0), in.get(1), dY);
        }
    }

    static final LearnersLinear LINEAR = new LearnersLinear();

    static Stream<Long> seeds() {
        return RandomCases.seeds(5050, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void agreesWithCentralDifferences(long seed) {
        Random random = new Random(seed);
        int rows = size(random);
        int inner = size(random);
        int cols = size(random);
        GradCheck.of(in -> LINEAR.apply(in.get(0), in.get(1), in.get(2)))
                .seed(seed)
                .check(Tensor.variable(values(random, rows, inner)),
                        Tensor.variable(values(random, inner, cols)),
                        Tensor.variable(values(random, 1, cols)));
    }

    @Test
    void theBiasGradientIsOneSumPerColumn() {
        DMatrixRMaj x = new DMatrixRMaj(3, 1);
        DMatrixRMaj w = new DMatrixRMaj(1, 2);
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {
            {1, 2}, {3, 4}, {5, 6}});
        DMatrixRMaj db = LinearBackward.backward(x, w, dY).get(2);
        assertEquals("(1x2)", shape(db), "db must have b's shape (1x2), one"
                + " sum per column of dY; (3x1) would be one sum per row");
        assertArrayEquals(new double[] {9, 12}, elements(db), 1e-15);
    }

    @Test
    void knownInputAndWeightGradients() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}});
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {
            {1, 0, 2}, {0, 1, 3}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 1, 1}});
        Grads grads = LinearBackward.backward(x, w, dY);
        assertEquals(3, grads.size(), "one gradient per input: dX, dW, db");
        // dX = dY·Wᵀ (1, 2);  dW = Xᵀ·dY (2, 3)
        assertEquals("(1x2)", shape(grads.get(0)), "dX");
        assertArrayEquals(new double[] {3, 4}, elements(grads.get(0)), 1e-15);
        assertEquals("(2x3)", shape(grads.get(1)), "dW");
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2},
                elements(grads.get(1)), 1e-15);
    }

    static String shape(DMatrixRMaj m) {
        return "(" + m.numRows + "x" + m.numCols + ")";
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
