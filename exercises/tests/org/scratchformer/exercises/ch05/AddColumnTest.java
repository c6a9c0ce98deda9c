package org.scratchformer.exercises.ch05;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.values;

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
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Tensor;

/** Judges {@link AddColumn} with known values and GradCheck. */
@ExtendWith(CaseNames.class)
class AddColumnTest {

    /** The learner's forward and backward as an op. */
    static final class LearnersAddColumn extends BinaryOp {
        @Override
        public String name() {
            return "add column (exercise)";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj c) {
            return AddColumn.forward(x, c);
        }

        @Override
        protected Grads backward(DMatrixRMaj x, DMatrixRMaj c,
                DMatrixRMaj y, DMatrixRMaj dY) {
            return AddColumn.backward(dY);
        }
    }

    static final LearnersAddColumn ADD_COLUMN = new LearnersAddColumn();

    @Test
    void forwardAddsEachRowsOwnNumber() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {4, 5, 6}});
        DMatrixRMaj c = new DMatrixRMaj(new double[][] {{10}, {-1}});
        DMatrixRMaj y = AddColumn.forward(x, c);
        assertEquals("(2x3)", shape(y), "Y has the shape of X");
        assertArrayEquals(new double[] {11, 12, 13, 3, 4, 5}, elements(y),
                1e-15);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, elements(x), 0,
                "X was modified");
    }

    @Test
    void dcIsOneSumPerRow() {
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {4, 5, 6}});
        Grads grads = AddColumn.backward(dY);
        assertEquals(2, grads.size(), "one gradient per input: dX, dc");
        DMatrixRMaj dc = grads.get(1);
        assertEquals("(2x1)", shape(dc), "dc must have c's shape (2x1), one"
                + " sum per row of dY; (1x3) would be one sum per column");
        assertArrayEquals(new double[] {6, 15}, elements(dc), 1e-15);
        assertArrayEquals(elements(dY), elements(grads.get(0)), 0,
                "dX = dY");
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(5005, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void agreesWithCentralDifferences(long seed) {
        Random random = new Random(seed);
        int rows = size(random);
        int cols = size(random);
        GradCheck.of(in -> ADD_COLUMN.apply(in.get(0), in.get(1))).seed(seed)
                .check(Tensor.variable(values(random, rows, cols)),
                        Tensor.variable(values(random, rows, 1)));
    }

    static String shape(DMatrixRMaj m) {
        return "(" + m.numRows + "x" + m.numCols + ")";
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
