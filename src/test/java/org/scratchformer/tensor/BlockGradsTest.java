package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** A gradient returned as a block of its input: added in place, checked. */
class BlockGradsTest {

    /** Y = X[1:2, 1:3], with the block gradient placed at (row, col). */
    static final class Corner implements Op {
        private final int row;
        private final int col;

        Corner(int row, int col) {
            this.row = row;
            this.col = col;
        }

        @Override
        public String name() {
            return "corner";
        }

        @Override
        public DMatrixRMaj forward(List<DMatrixRMaj> x) {
            DMatrixRMaj y = new DMatrixRMaj(1, 2);
            y.set(0, 0, x.get(0).get(1, 1));
            y.set(0, 1, x.get(0).get(1, 2));
            return y;
        }

        @Override
        public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return Grads.block(dY.copy(), row, col);
        }
    }

    @Test
    void aBlockIsAddedAtItsPlaceAndNowhereElse() {
        Tensor x = Tensor.variable(new DMatrixRMaj(3, 4));
        Tensor y = new Corner(1, 1).apply(x);
        y.backward(new DMatrixRMaj(new double[][] {{5, 7}}));
        y.backward(new DMatrixRMaj(new double[][] {{5, 7}}));  // accumulates
        double[][] expected = {{0, 0, 0, 0}, {0, 10, 14, 0}, {0, 0, 0, 0}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(expected[r][c], x.grad().get(r, c),
                        "(" + r + ", " + c + ")");
            }
        }
    }

    @Test
    void aBlockThatDoesNotFitItsInputIsAnError() {
        Tensor x = Tensor.variable(new DMatrixRMaj(3, 4));
        Tensor y = new Corner(2, 3).apply(x);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> y.backward(new DMatrixRMaj(1, 2)));
        assertEquals("corner: backward returned a block (1x2) at (2, 3)"
                + " that does not fit its only input (3x4)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Grads.block(new DMatrixRMaj(1, 1), -1, 0));
        assertEquals("Grads[(1x2)] at (2, 3)", Grads.block(
                new DMatrixRMaj(1, 2), 2, 3).toString());
    }

    /** Y = X[1:3, 1:3], a (2, 2) window, its gradient a block at (1, 1). */
    static final class Window implements Op {
        @Override
        public String name() {
            return "window";
        }

        @Override
        public DMatrixRMaj forward(List<DMatrixRMaj> x) {
            return CommonOps_DDRM.extract(x.get(0), 1, 3, 1, 3);
        }

        @Override
        public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return Grads.block(dY.copy(), 1, 1);
        }
    }

    @Test
    void aBlockOfSeveralRowsKeepsItsRowsApart() {
        Tensor x = Tensor.variable(new DMatrixRMaj(3, 4));
        new Window().apply(x).backward(new DMatrixRMaj(new double[][] {
            {1, 2}, {3, 4}}));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0},
                x.grad().data, 0.0);
    }

    @Test
    void aBlockMayReachTheLastRowAndColumnButNotPassThem() {
        Tensor x = Tensor.variable(new DMatrixRMaj(3, 4));
        new Corner(2, 2).apply(x).backward(new DMatrixRMaj(new double[][] {
            {5, 7}}));
        assertEquals(7.0, x.grad().get(2, 3));
        Tensor y = new Corner(3, 0).apply(Tensor.variable(
                new DMatrixRMaj(3, 4)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> y.backward(new DMatrixRMaj(1, 2)));
        assertEquals("corner: backward returned a block (1x2) at (3, 0)"
                + " that does not fit its only input (3x4)", e.getMessage());
        // the corner may be 0, not negative
        assertEquals("Grads[(1x1)] at (0, 0)", Grads.block(
                new DMatrixRMaj(1, 1), 0, 0).toString());
        for (int[] corner : new int[][] {{-1, 0}, {0, -1}}) {
            IllegalArgumentException bad = assertThrows(
                    IllegalArgumentException.class, () -> Grads.block(
                            new DMatrixRMaj(1, 1), corner[0], corner[1]));
            assertEquals("Grads.block: the block's corner (" + corner[0]
                    + ", " + corner[1] + ") must not be negative",
                    bad.getMessage());
        }
    }
}
