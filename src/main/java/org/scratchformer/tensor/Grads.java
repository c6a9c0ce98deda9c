package org.scratchformer.tensor;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The gradients an op's backward returns, one per input, in input order:
 * {@code new Grads(dA, dB)}; null for an input that takes none (a mask).
 *
 * <p>An op that reads only a block of its input, such as a slice, returns
 * {@link #block}: the gradient inside the block and where it sits; the
 * zeros outside it are never written (chapter 8).
 */
public final class Grads {
    private final DMatrixRMaj[] perInput;
    private final int blockRow;  // where a block sits; -1 for whole ones
    private final int blockCol;

    public Grads(DMatrixRMaj... perInput) {
        this(perInput.clone(), -1, -1);
    }

    private Grads(DMatrixRMaj[] perInput, int row, int col) {
        this.perInput = perInput;
        this.blockRow = row;
        this.blockCol = col;
    }

    // tag::ch08-block[]
    /**
     * The gradient of a one-input op that is zero outside the block of rows
     * [row, row + dBlock.rows) and columns [col, col + dBlock.cols).
     */
    public static Grads block(DMatrixRMaj dBlock, int row, int col) {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("Grads.block: the block's"
                    + " corner (" + row + ", " + col + ") must not be"
                    + " negative");
        }
        return new Grads(new DMatrixRMaj[] {dBlock}, row, col);
    }
    // end::ch08-block[]

    // tag::add-into[]
    /** target += gradient i: its input's, or a {@link #block}'s part. */
    public void addInto(int i, DMatrixRMaj target) {
        DMatrixRMaj g = perInput[i];
        if (!isBlock()) {
            CommonOps_DDRM.addEquals(target, g);  // target += g
            return;
        }
        // target[blockRow + r, blockCol + c] += g[r, c]
        for (int r = 0; r < g.numRows; r++) {
            int from = r * g.numCols;
            int to = (blockRow + r) * target.numCols + blockCol;
            for (int c = 0; c < g.numCols; c++) {
                target.data[to + c] += g.data[from + c];
            }
        }
    }
    // end::add-into[]

    /** Whether input {@code i} has a gradient (none for a mask). */
    public boolean has(int i) {
        return perInput[i] != null;
    }

    /** The gradient for input {@code i}, or null if it takes none. */
    public DMatrixRMaj get(int i) {
        return perInput[i];
    }

    /** How many inputs the gradients are for. */
    public int size() {
        return perInput.length;
    }

    /** Whether this is a {@link #block}, at (blockRow, blockCol). */
    public boolean isBlock() {
        return blockRow >= 0;
    }

    public int blockRow() {
        return blockRow;
    }

    public int blockCol() {
        return blockCol;
    }

    @Override
    public String toString() {
        return "Grads" + Arrays.stream(perInput)
                .map(g -> g == null ? "none" : Shapes.of(g)).toList()
                + (isBlock() ? " at (" + blockRow + ", " + blockCol + ")"
                : "");
    }
}
