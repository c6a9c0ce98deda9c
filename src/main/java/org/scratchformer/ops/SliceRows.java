package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * Rows {@code start} (inclusive) to {@code end} (exclusive) of X: one
 * sequence out of a batch stacked as rows. PyTorch: slice
 * (slice_backward) in derivatives.yaml.
 *
 * <pre>
 * Y = X[start:end, :]
 * dX = dY in rows [start, end), 0 elsewhere
 * </pre>
 */
public final class SliceRows extends UnaryOp {
    private final int start;
    private final int end;

    /** Rows [start, end); needs 0 ≤ start &lt; end. */
    public SliceRows(int start, int end) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("slice_rows: [" + start + ", "
                    + end + ") is not a row range; allowed are"
                    + " 0 ≤ start < end");
        }
        this.start = start;
        this.end = end;
    }

    @Override
    public String name() {
        return "slice_rows";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        if (end > x.numRows) {
            throw new IllegalArgumentException(name() + ": rows [" + start
                    + ", " + end + ") are out of range for X " + Shapes.of(x)
                    + "; allowed are 0 ≤ start < end ≤ " + x.numRows);
        }
        // Y (end − start, C) = X[start:end, :]
        return CommonOps_DDRM.extract(x, start, end, 0, x.numCols);
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        CommonOps_DDRM.insert(dY, dX, start, 0);  // writes into dX only
        return dX;
    }
    // end::backward[]
}
