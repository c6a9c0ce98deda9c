package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.Grads;

/**
 * A slice's backward costs the size of the slice: it returns the block,
 * not a zero matrix the size of its input (chapter 8's batches rely on it).
 */
class SliceBackwardTest {

    @Test
    void sliceRowsReturnsOnlyTheBlockAndWhereItSits() {
        DMatrixRMaj x = new DMatrixRMaj(1000, 3);
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
        SliceRows op = new SliceRows(500, 502);
        Grads grads = op.backward(List.of(x), op.forward(List.of(x)), dY);
        assertTrue(grads.isBlock());
        assertEquals(2, grads.get(0).numRows);
        assertEquals(500, grads.blockRow());
        assertEquals(0, grads.blockCol());
    }

    @Test
    void sliceColsReturnsOnlyTheBlockAndWhereItSits() {
        DMatrixRMaj x = new DMatrixRMaj(2, 1000);
        DMatrixRMaj dY = new DMatrixRMaj(2, 3);
        SliceCols op = new SliceCols(7, 10);
        Grads grads = op.backward(List.of(x), op.forward(List.of(x)), dY);
        assertTrue(grads.isBlock());
        assertEquals(3, grads.get(0).numCols);
        assertEquals(0, grads.blockRow());
        assertEquals(7, grads.blockCol());
    }
}
