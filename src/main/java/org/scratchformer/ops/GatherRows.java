package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Looks rows up in a table: token ids to embeddings. The indices are a
 * constant: they take no gradient. PyTorch: embedding
 * (embedding_dense_backward) and index_select in derivatives.yaml.
 *
 * <pre>
 * Y[n, :] = W[idx[n], :]            W (V, C), idx (1, N), Y (N, C)
 * dW[v, :] = Σ over n with idx[n] = v of dY[n, :];   d idx = none
 * </pre>
 *
 * <p>Backward scatters with +=: a token that occurs twice in the input
 * collects both rows of dY. Indices are stored as doubles, so forward checks
 * that each is a whole number within the table.
 */
public final class GatherRows extends BinaryOp {
    @Override
    public String name() {
        return "gather_rows";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj w, DMatrixRMaj idx) {
        if (idx.numRows != 1) {
            throw new IllegalArgumentException(name() + ": indices "
                    + Shapes.of(idx) + " must be one row (1xN)");
        }
        DMatrixRMaj y = new DMatrixRMaj(idx.numCols, w.numCols);  // (N, C)
        for (int n = 0; n < idx.numCols; n++) {
            int v = rowIndex(w, idx, n);
            for (int c = 0; c < w.numCols; c++) {
                y.set(n, c, w.get(v, c));  // Y[n, :] = W[idx[n], :]
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj w, DMatrixRMaj idx, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dW = new DMatrixRMaj(w.numRows, w.numCols);  // (V, C)
        for (int n = 0; n < idx.numCols; n++) {
            int v = (int) idx.get(0, n);
            for (int c = 0; c < w.numCols; c++) {
                // dW[idx[n], :] += dY[n, :]: repeated indices accumulate
                dW.set(v, c, dW.get(v, c) + dY.get(n, c));
            }
        }
        return new Grads(dW, null);  // the indices are a constant
    }
    // end::backward[]

    /** idx[n] as a row number of W, after checking that it is one. */
    private int rowIndex(DMatrixRMaj w, DMatrixRMaj idx, int n) {
        double index = idx.get(0, n);
        if (!Double.isFinite(index) || index != Math.rint(index)) {
            throw new IllegalArgumentException(name() + ": index " + index
                    + " at position " + n + " is not a whole number; indices"
                    + " are row numbers of the table W " + Shapes.of(w)
                    + ", 0 to " + (w.numRows - 1));
        }
        if (index < 0 || index >= w.numRows) {
            throw new IllegalArgumentException(name() + ": index "
                    + (long) index + " at position " + n + " is out of range"
                    + " for the table W " + Shapes.of(w) + " of "
                    + w.numRows + " rows; allowed are 0 to "
                    + (w.numRows - 1));
        }
        return (int) index;
    }
}
