package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.scratchformer.ops.MatrixAssertions.assertClose;
import static org.scratchformer.ops.MatrixAssertions.assertRejected;
import static org.scratchformer.ops.MatrixAssertions.assertIdentical;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** slice, concat and gather: rows and columns moved, values untouched. */
class StructuralOpsTest {
    static final double[][] FOUR_BY_THREE = {{1, 2, 3}, {4, 5, 6},
            {7, 8, 9}, {10, 11, 12}};

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_0004, 25);
    }

    @Test
    void sliceRowsTakesRowsAndSendsTheGradientBack() {
        Tensor x = Tensor.variable(FOUR_BY_THREE);
        Tensor y = Ops.sliceRows(x, 1, 3);
        y.backward(new DMatrixRMaj(new double[][] {{-1, -2, -3},
                {-4, -5, -6}}));
        assertClose(new double[][] {{4, 5, 6}, {7, 8, 9}}, y.value(), 0);
        assertClose(new double[][] {{0, 0, 0}, {-1, -2, -3}, {-4, -5, -6},
                {0, 0, 0}}, x.grad(), 0);
    }

    @Test
    void sliceColsTakesColumnsAndSendsTheGradientBack() {
        Tensor x = Tensor.variable(FOUR_BY_THREE);
        Tensor y = Ops.sliceCols(x, 2, 3);
        y.backward(new DMatrixRMaj(new double[][] {{-1}, {-2}, {-3}, {-4}}));
        assertClose(new double[][] {{3}, {6}, {9}, {12}}, y.value(), 0);
        assertClose(new double[][] {{0, 0, -1}, {0, 0, -2}, {0, 0, -3},
                {0, 0, -4}}, x.grad(), 0);
    }

    @Test
    void sliceBoundsAreChecked() {
        Tensor x = Tensor.variable(FOUR_BY_THREE);
        assertRejected(() -> Ops.sliceRows(x, 1, 5), "slice_rows",
                "rows [1, 5) are out of range for X (4x3)", "end ≤ 4");
        assertRejected(() -> Ops.sliceCols(x, 0, 4), "slice_cols",
                "columns [0, 4) are out of range for X (4x3)", "end ≤ 3");
        assertRejected(() -> Ops.sliceRows(x, 2, 2), "slice_rows",
                "[2, 2) is not a row range", "0 ≤ start < end");
        assertRejected(() -> Ops.sliceCols(x, -1, 2), "slice_cols",
                "[-1, 2) is not a column range", "0 ≤ start < end");
    }

    @Test
    void concatRowsStacksAndSplitsTheGradient() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}});
        Tensor b = Tensor.variable(new double[][] {{3, 4}, {5, 6}});
        Tensor y = Ops.concatRows(a, b);
        y.backward(new DMatrixRMaj(new double[][] {{-1, -2}, {-3, -4},
                {-5, -6}}));
        assertClose(new double[][] {{1, 2}, {3, 4}, {5, 6}}, y.value(), 0);
        assertClose(new double[][] {{-1, -2}}, a.grad(), 0);
        assertClose(new double[][] {{-3, -4}, {-5, -6}}, b.grad(), 0);
    }

    @Test
    void concatColsPlacesSideBySideAndSplitsTheGradient() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.variable(new double[][] {{5}, {6}});
        Tensor y = Ops.concatCols(a, b);
        y.backward(new DMatrixRMaj(new double[][] {{-1, -2, -5},
                {-3, -4, -6}}));
        assertClose(new double[][] {{1, 2, 5}, {3, 4, 6}}, y.value(), 0);
        assertClose(new double[][] {{-1, -2}, {-3, -4}}, a.grad(), 0);
        assertClose(new double[][] {{-5}, {-6}}, b.grad(), 0);
    }

    @Test
    void concatOfOneInputIsACopy() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}});
        assertNotSame(a.value(), Ops.concatRows(a).value());
        assertNotSame(a.value(), Ops.concatCols(a).value());
        assertIdentical(a.value(), Ops.concatRows(a).value());
    }

    @Test
    void concatNamesTheInputThatDoesNotFit() {
        Tensor a = Tensor.variable(new double[2][5]);
        Tensor b = Tensor.variable(new double[1][5]);
        Tensor c = Tensor.variable(new double[3][4]);
        assertRejected(() -> Ops.concatRows(a, b, c), "concat_rows",
                "input 2 (3x4) has 4 columns", "input 0 (2x5) has 5",
                "equal columns");
        assertRejected(() -> Ops.concatCols(a, c), "concat_cols",
                "input 1 (3x4) has 3 rows", "input 0 (2x5) has 2",
                "equal rows");
    }

    @Test
    void concatNeedsAtLeastOneInput() {
        assertRejected(() -> Ops.concatRows(), "concat_rows",
                "at least one input");
        assertRejected(() -> Ops.concatCols(), "concat_cols",
                "at least one input");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void concatThenSliceGivesBackThePieces(long seed) {
        Random random = new Random(seed);
        int width = RandomCases.size(random);
        DMatrixRMaj[] pieces = new DMatrixRMaj[1 + random.nextInt(4)];
        for (int k = 0; k < pieces.length; k++) {
            pieces[k] = RandomCases.values(random, RandomCases.size(random),
                    width);
        }
        Tensor[] parts = Stream.of(pieces).map(Tensor::constant)
                .toArray(Tensor[]::new);
        Tensor[] columns = Stream.of(pieces).map(p -> Tensor.constant(
                transpose(p))).toArray(Tensor[]::new);
        Tensor stacked = Ops.concatRows(parts);
        Tensor sideBySide = Ops.concatCols(columns);
        int start = 0;
        for (DMatrixRMaj piece : pieces) {
            int end = start + piece.numRows;
            assertIdentical(piece, Ops.sliceRows(stacked, start, end)
                    .value());
            assertIdentical(transpose(piece), Ops.sliceCols(sideBySide,
                    start, end).value());
            start = end;
        }
    }

    static DMatrixRMaj transpose(DMatrixRMaj m) {
        DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                t.set(j, i, m.get(i, j));
            }
        }
        return t;
    }

    @Test
    void gatherLooksUpRowsAndARepeatedIndexAccumulates() {
        Tensor table = Tensor.variable(new double[][] {{1, 2}, {3, 4},
                {5, 6}});
        Tensor idx = Tensor.constant(new double[][] {{2, 0, 2}});
        Tensor y = Ops.gatherRows(table, idx);
        y.backward(new DMatrixRMaj(new double[][] {{1, 10}, {100, 1000},
                {2, 20}}));
        assertClose(new double[][] {{5, 6}, {1, 2}, {5, 6}}, y.value(), 0);
        // row 2 was used at positions 0 and 2: both rows of dY add up
        assertClose(new double[][] {{100, 1000}, {0, 0}, {3, 30}},
                table.grad(), 0);
        assertNull(new GatherRows().backward(List.of(table.value(),
                idx.value()), y.value(), y.grad()).get(1));
    }

    @Test
    void gatherNamesTheBadIndexItsPositionAndTheTableSize() {
        Tensor table = Tensor.variable(new double[3][2]);
        assertRejected(() -> Ops.gatherRows(table, Tensor.constant(
                new double[][] {{0, 3}})), "gather_rows",
                "index 3 at position 1 is out of range",
                "table W (3x2) of 3 rows", "0 to 2");
        assertRejected(() -> Ops.gatherRows(table, Tensor.constant(
                new double[][] {{-1}})), "gather_rows",
                "index -1 at position 0 is out of range");
        assertRejected(() -> Ops.gatherRows(table, Tensor.constant(
                new double[][] {{0, 1, 1.5}})), "gather_rows",
                "index 1.5 at position 2 is not a whole number", "(3x2)",
                "0 to 2");
        assertRejected(() -> Ops.gatherRows(table, Tensor.constant(
                new double[][] {{Double.NaN}})), "gather_rows",
                "index NaN at position 0 is not a whole number");
        assertRejected(() -> Ops.gatherRows(table, Tensor.constant(
                new double[][] {{0}, {1}})), "gather_rows",
                "indices (2x1) must be one row");
    }
}
