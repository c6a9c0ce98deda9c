package org.scratchformer.ops;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Shapes;

/**
 * Places one or more inputs with the same number of rows side by side:
 * heads back into one (T, H·D) matrix. PyTorch: cat with dim=1 in
 * derivatives.yaml.
 *
 * <pre>
 * Y = [X₀  X₁  …]   (R, C₀ + C₁ + …)
 * dXₖ = the columns of dY where Xₖ was placed
 * </pre>
 *
 * <p>The number of inputs varies, so this op implements {@link Op}
 * directly rather than a unary or binary base.
 */
public final class ConcatCols implements Op {
    @Override
    public String name() {
        return "concat_cols";
    }

    // tag::forward[]
    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> x) {
        if (x.isEmpty()) {
            throw new IllegalArgumentException(name() + ": needs at least"
                    + " one input, got none");
        }
        int rows = x.get(0).numRows;
        int cols = 0;
        for (int k = 0; k < x.size(); k++) {
            if (x.get(k).numRows != rows) {
                throw new IllegalArgumentException(name() + ": input " + k
                        + " " + Shapes.of(x.get(k)) + " has " + x.get(k).numRows
                        + " rows but input 0 " + Shapes.of(x.get(0))
                        + " has " + rows + "; all inputs need equal rows");
            }
            cols += x.get(k).numCols;
        }
        DMatrixRMaj y = new DMatrixRMaj(rows, cols);  // (R, C₀ + C₁ + …)
        int left = 0;  // first column of the next input in Y
        for (DMatrixRMaj part : x) {
            CommonOps_DDRM.insert(part, y, 0, left);  // writes into y only
            left += part.numCols;
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj[] dX = new DMatrixRMaj[x.size()];
        int left = 0;
        for (int k = 0; k < x.size(); k++) {
            int cols = x.get(k).numCols;
            // dXₖ (R, Cₖ) = dY[:, left:left + Cₖ]
            dX[k] = CommonOps_DDRM.extract(dY, 0, dY.numRows, left,
                    left + cols);
            left += cols;
        }
        return new Grads(dX);
    }
    // end::backward[]
}
