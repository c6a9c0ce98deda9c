package org.scratchformer.ops;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.Op;

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
public final class SliceRows implements Op {
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

    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> x) {
        Shapes.requireArity(name(), 1, x.size());
        return forward(x.get(0));
    }

    // tag::forward[]
    private DMatrixRMaj forward(DMatrixRMaj x) {
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
    public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX = dY inside the block, 0 elsewhere: only the block is sent,
        // and the engine adds it in place, so this costs the slice's size
        return Grads.block(dY.copy(), start, 0);
    }
    // end::backward[]
}
