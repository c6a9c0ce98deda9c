package org.scratchformer.multihead;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * The same numbers in row-major order, read as another shape: PyTorch's
 * view. The layout of this project never needs it (a head is a column
 * block), so it lives in the tests, for the one bug that it makes.
 *
 * <pre>
 * Y (rows, cols) = X (R, C) read row-major,  rows·cols = R·C
 * dX = dY read back as (R, C)
 * </pre>
 */
final class Reshape extends UnaryOp {
    private final int rows;
    private final int cols;

    Reshape(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        if (x.getNumElements() != rows * cols) {
            throw new IllegalArgumentException(name() + ": X "
                    + Shapes.of(x) + " cannot be read as (" + rows + ", "
                    + cols + ")");
        }
        return new DMatrixRMaj(rows, cols, true,
                Arrays.copyOf(x.data, rows * cols));
    }

    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return new DMatrixRMaj(x.numRows, x.numCols, true,
                Arrays.copyOf(dY.data, x.getNumElements()));
    }
}
