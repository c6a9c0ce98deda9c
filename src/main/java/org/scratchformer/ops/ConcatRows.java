package org.scratchformer.ops;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Shapes;

/**
 * Stacks one or more inputs with the same number of columns, top to bottom:
 * sequences into a batch. PyTorch: cat with dim=0 in derivatives.yaml.
 *
 * <pre>
 * Y = [X₀; X₁; …]   (R₀ + R₁ + …, C)
 * dXₖ = the rows of dY where Xₖ was placed
 * </pre>
 *
 * <p>The number of inputs varies, so this op implements {@link Op}
 * directly rather than a unary or binary base.
 */
public final class ConcatRows implements Op {
    @Override
    public String name() {
        return "concat_rows";
    }

    // tag::forward[]
    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> x) {
        if (x.isEmpty()) {
            throw new IllegalArgumentException(name() + ": needs at least"
                    + " one input, got none");
        }
        int cols = x.get(0).numCols;
        int rows = 0;
        for (int k = 0; k < x.size(); k++) {
            if (x.get(k).numCols != cols) {
                throw new IllegalArgumentException(name() + ": input " + k
                        + " " + Shapes.of(x.get(k)) + " has " + x.get(k).numCols
                        + " columns but input 0 " + Shapes.of(x.get(0))
                        + " has " + cols + "; all inputs need equal columns");
            }
            rows += x.get(k).numRows;
        }
        DMatrixRMaj y = new DMatrixRMaj(rows, cols);  // (R₀ + R₁ + …, C)
        int top = 0;  // first row of the next input in Y
        for (DMatrixRMaj part : x) {
            CommonOps_DDRM.insert(part, y, top, 0);  // writes into y only
            top += part.numRows;
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj[] dX = new DMatrixRMaj[x.size()];
        int top = 0;
        for (int k = 0; k < x.size(); k++) {
            int rows = x.get(k).numRows;
            // dXₖ (Rₖ, C) = dY[top:top + Rₖ, :]
            dX[k] = CommonOps_DDRM.extract(dY, top, top + rows, 0, dY.numCols);
            top += rows;
        }
        return new Grads(dX);
    }
    // end::backward[]
}
