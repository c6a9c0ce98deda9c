package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * Columns {@code start} (inclusive) to {@code end} (exclusive) of X: one
 * head's block of a (T, H·D) matrix. PyTorch: slice (slice_backward) in
 * derivatives.yaml.
 *
 * <pre>
 * Y = X[:, start:end]
 * dX = dY in columns [start, end), 0 elsewhere
 * </pre>
 */
public final class SliceCols extends UnaryOp {
    private final int start;
    private final int end;

    /** Columns [start, end); needs 0 ≤ start &lt; end. */
    public SliceCols(int start, int end) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("slice_cols: [" + start + ", "
                    + end + ") is not a column range; allowed are"
                    + " 0 ≤ start < end");
        }
        this.start = start;
        this.end = end;
    }

    @Override
    public String name() {
        return "slice_cols";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        if (end > x.numCols) {
            throw new IllegalArgumentException(name() + ": columns [" + start
                    + ", " + end + ") are out of range for X " + Shapes.of(x)
                    + "; allowed are 0 ≤ start < end ≤ " + x.numCols);
        }
        // Y (R, end − start) = X[:, start:end]
        return CommonOps_DDRM.extract(x, 0, x.numRows, start, end);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        CommonOps_DDRM.insert(dY, dX, 0, start);  // writes into dX only
        return dX;
    }
    // end::backward[]
}
