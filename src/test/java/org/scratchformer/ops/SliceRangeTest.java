package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.ops.MatrixAssertions.assertClose;
import static org.scratchformer.ops.MatrixAssertions.assertRejected;

import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.Tensor;

/**
 * Slice ranges at their edges, for rows and columns alike: the first and
 * the last index are in, one before the first or past the last is out,
 * and an empty range is no range.
 */
class SliceRangeTest {
    static final Tensor X = Tensor.constant(new double[][] {{1, 2, 3},
            {4, 5, 6}});

    @Test
    void theWholeMatrixAndItsLastRowOrColumnCanBeTaken() {
        assertClose(new double[][] {{1, 2, 3}, {4, 5, 6}}, Ops.sliceRows(X,
                0, 2).value(), 0);
        assertClose(new double[][] {{4, 5, 6}}, Ops.sliceRows(X, 1, 2)
                .value(), 0);
        assertClose(new double[][] {{1, 2, 3}, {4, 5, 6}}, Ops.sliceCols(X,
                0, 3).value(), 0);
        assertClose(new double[][] {{3}, {6}}, Ops.sliceCols(X, 2, 3)
                .value(), 0);
    }

    @Test
    void aRangeThatStartsBeforeZeroIsRefused() {
        assertEquals("slice_rows: [-1, 1) is not a row range; allowed are"
                + " 0 ≤ start < end", assertRejected(() -> Ops.sliceRows(X,
                        -1, 1)));
        assertEquals("slice_cols: [-1, 1) is not a column range; allowed are"
                + " 0 ≤ start < end", assertRejected(() -> Ops.sliceCols(X,
                        -1, 1)));
    }

    @Test
    void anEmptyOrBackwardRangeIsRefused() {
        assertRejected(() -> Ops.sliceRows(X, 1, 1), "slice_rows: [1, 1)");
        assertRejected(() -> Ops.sliceRows(X, 1, 0), "slice_rows: [1, 0)");
        assertRejected(() -> Ops.sliceCols(X, 2, 2), "slice_cols: [2, 2)");
        assertRejected(() -> Ops.sliceCols(X, 2, 1), "slice_cols: [2, 1)");
    }

    @Test
    void aRangePastTheLastIndexIsRefused() {
        assertEquals("slice_rows: rows [1, 3) are out of range for X (2x3);"
                + " allowed are 0 ≤ start < end ≤ 2", assertRejected(
                        () -> Ops.sliceRows(X, 1, 3)));
        assertEquals("slice_cols: columns [0, 4) are out of range for X"
                + " (2x3); allowed are 0 ≤ start < end ≤ 3", assertRejected(
                        () -> Ops.sliceCols(X, 0, 4)));
    }
}
