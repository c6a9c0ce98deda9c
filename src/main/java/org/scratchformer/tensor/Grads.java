package org.scratchformer.tensor;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The gradients an op's backward returns, one per input and in input order:
 * {@code new Grads(dA, dB)}. An entry may be {@code null} for an input that
 * takes no gradient (a mask, a list of indices).
 *
 * <p>An op that reads only a block of its input, such as a slice, returns
 * {@link #block}: the gradient inside the block and where the block sits.
 * Everything outside it is zero, so it is never written out, and the
 * backward of a slice costs the size of the slice, not of the input
 * (chapter 8 slices a batch of 64 sequences; a zero matrix the size of the
 * batch per slice would make its backward quadratic in the batch).
 */
public final class Grads {
    private final DMatrixRMaj[] perInput;
    private final int blockRow;  // where a block sits; 0, 0 for whole ones
    private final int blockCol;
    private final boolean isBlock;

    public Grads(DMatrixRMaj... perInput) {
        this(perInput.clone(), 0, 0, false);
    }

    private Grads(DMatrixRMaj[] perInput, int row, int col, boolean block) {
        this.perInput = perInput;
        this.blockRow = row;
        this.blockCol = col;
        this.isBlock = block;
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
        return new Grads(new DMatrixRMaj[] {dBlock}, row, col, true);
    }
    // end::ch08-block[]

    // tag::add-into[]
    /**
     * target += gradient {@code i}, the gradient of the input that
     * {@code target} belongs to: the whole of it, or for a {@link #block}
     * the block's place in it.
     */
    public void addInto(int i, DMatrixRMaj target) {
        DMatrixRMaj g = perInput[i];
        if (!isBlock) {
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

    /** Whether the gradients are a {@link #block} of a larger input. */
    public boolean isBlock() {
        return isBlock;
    }

    /** The block's first row in the input; 0 unless {@link #isBlock}. */
    public int blockRow() {
        return blockRow;
    }

    /** The block's first column in the input; 0 unless {@link #isBlock}. */
    public int blockCol() {
        return blockCol;
    }

    /** How many inputs the gradients are for. */
    public int size() {
        return perInput.length;
    }

    /** The gradient for input {@code i}, or null if it takes none. */
    public DMatrixRMaj get(int i) {
        return perInput[i];
    }

    @Override
    public String toString() {
        String[] shapes = new String[perInput.length];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = has(i) ? Shapes.of(perInput[i]) : "none";
        }
        String entries = Arrays.toString(shapes);
        return "Grads" + entries + (isBlock ? " at (" + blockRow + ", "
                + blockCol + ")" : "");
    }
}
