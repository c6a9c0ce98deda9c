package org.scratchformer.exercises.ch05;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.uniform;

import java.util.Arrays;
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
import org.scratchformer.tensor.Tensor;
import org.scratchformer.tensor.UnaryOp;

/** Judges {@link SoftmaxBackward} with GradCheck, known values, a property. */
@ExtendWith(CaseNames.class)
class SoftmaxBackwardTest {

    /** Softmax with the test's forward and the learner's backward. */
    static final class LearnersSoftmax extends UnaryOp {
        @Override
        public String name() {
            return "softmax (exercise)";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
            for (int i = 0; i < x.numRows; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < x.numCols; j++) {
                    max = Math.max(max, x.get(i, j));
                }
                double total = 0;
                for (int j = 0; j < x.numCols; j++) {
                    y.set(i, j, Math.exp(x.get(i, j) - max));
                    total += y.get(i, j);
                }
                for (int j = 0; j < x.numCols; j++) {
                    y.set(i, j, y.get(i, j) / total);
                }
            }
            return y;
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return SoftmaxBackward.dX(y, dY);
        }
    }

    static final LearnersSoftmax SOFTMAX = new LearnersSoftmax();

    static Stream<Long> seeds() {
        return RandomCases.seeds(505, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void agreesWithCentralDifferences(long seed) {
        Random random = new Random(seed);
        Tensor x = Tensor.variable(uniform(random, size(random),
                size(random), -2, 2));
        GradCheck.of(in -> SOFTMAX.apply(in.get(0))).seed(seed).check(x);
    }

    @Test
    void knownValues() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {
            {0.5, 0.5}, {0.25, 0.75}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 0}, {0, 2}});
        // row 0: ⟨dy, y⟩ = 0.5;  row 1: ⟨dy, y⟩ = 1.5
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {
            {0.25, -0.25}, {-0.375, 0.375}});
        DMatrixRMaj dX = SoftmaxBackward.dX(y, dY);
        assertEquals("(2x2)", shape(dX), "dX has the shape of Y");
        assertArrayEquals(elements(expected), elements(dX), 1e-15);
    }

    @Test
    void everyRowOfDxSumsToZero() {
        // each row of Y sums to 1 whatever X is, so moving X along
        // (1, 1, ..., 1) changes nothing: dX is orthogonal to it
        Random random = new Random(7);
        DMatrixRMaj y = SOFTMAX.forward(uniform(random, 4, 5, -2, 2));
        DMatrixRMaj dX = SoftmaxBackward.dX(y, uniform(random, 4, 5, -1, 1));
        for (int i = 0; i < dX.numRows; i++) {
            double total = 0;
            for (int j = 0; j < dX.numCols; j++) {
                total += dX.get(i, j);
            }
            assertEquals(0, total, 1e-14, "row " + i + " of dX");
        }
    }

    @Test
    void leavesYAndDyUnchanged() {
        Random random = new Random(11);
        DMatrixRMaj y = SOFTMAX.forward(uniform(random, 3, 4, -2, 2));
        DMatrixRMaj dY = uniform(random, 3, 4, -1, 1);
        DMatrixRMaj yBefore = y.copy();
        DMatrixRMaj dYBefore = dY.copy();
        SoftmaxBackward.dX(y, dY);
        assertArrayEquals(elements(yBefore), elements(y), 0,
                "Y was modified");
        assertArrayEquals(elements(dYBefore), elements(dY), 0,
                "dY was modified");
    }

    static String shape(DMatrixRMaj m) {
        return "(" + m.numRows + "x" + m.numCols + ")";
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
