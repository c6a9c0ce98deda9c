package org.scratchformer.exercises.ch04;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Shapes;

/**
 * The op of exercise 4.3, given: rows of a table picked by index, plus a
 * mask of 0 and −∞.
 *
 * <pre>Y[n] = W[idx[n]] + M[n];   dW[v] = Σ over n with idx[n] = v of
 *   dY[n] where M[n] = 0;   idx and M get no gradient (null)</pre>
 */
final class MaskedLookup implements Op {
    @Override
    public String name() {
        return "masked_lookup";
    }

    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> x) {
        Shapes.requireArity(name(), 3, x.size());
        DMatrixRMaj table = x.get(0);
        DMatrixRMaj indices = x.get(1);
        DMatrixRMaj mask = x.get(2);
        int n = indices.getNumElements();
        if (mask.numRows != n || mask.numCols != table.numCols) {
            throw new IllegalArgumentException(name() + ": mask "
                    + Shapes.of(mask) + " must be " + Shapes.of(n,
                            table.numCols));
        }
        DMatrixRMaj y = new DMatrixRMaj(n, table.numCols);  // (N, C)
        for (int row = 0; row < n; row++) {
            int v = index(indices, row, table.numRows);
            for (int c = 0; c < table.numCols; c++) {
                y.set(row, c, table.get(v, c) + maskValue(mask, row, c));
            }
        }
        return y;
    }

    @Override
    public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj table = x.get(0);
        DMatrixRMaj indices = x.get(1);
        DMatrixRMaj mask = x.get(2);
        DMatrixRMaj dW = new DMatrixRMaj(table.numRows, table.numCols);
        for (int row = 0; row < indices.getNumElements(); row++) {
            int v = index(indices, row, table.numRows);
            for (int c = 0; c < table.numCols; c++) {
                if (mask.get(row, c) == 0) {
                    dW.add(v, c, dY.get(row, c));  // repeats accumulate
                }
            }
        }
        return new Grads(dW, null, null);
    }

    private int index(DMatrixRMaj indices, int position, int rows) {
        double value = indices.get(position);
        if (value != Math.rint(value) || value < 0 || value >= rows) {
            throw new IllegalArgumentException(name() + ": index " + value
                    + " at position " + position + " is not a row number"
                    + " of a table with " + rows + " rows");
        }
        return (int) value;
    }

    private double maskValue(DMatrixRMaj mask, int row, int col) {
        double m = mask.get(row, col);
        if (m != 0 && m != Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(name() + ": mask element ("
                    + row + "," + col + ") is " + m + "; it must be 0 or −∞");
        }
        return m;
    }
}
