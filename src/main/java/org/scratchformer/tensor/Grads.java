package org.scratchformer.tensor;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

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
 *
 * <p>An entry may also be a {@link #product} not yet computed, op(A)·op(B):
 * a weight's gradient XᵀdY is added by the engine straight into the
 * weight's gradient, without a matrix of its own (chapter 13).
 */
public final class Grads {
    private final DMatrixRMaj[] perInput;
    private final Product[] products;  // null but for product entries
    private final int blockRow;  // where a block sits; 0, 0 for whole ones
    private final int blockCol;
    private final boolean isBlock;

    public Grads(DMatrixRMaj... perInput) {
        this(perInput.clone(), 0, 0, false);
    }

    private Grads(DMatrixRMaj[] perInput, int row, int col, boolean block) {
        this.perInput = perInput;
        this.products = new Product[perInput.length];
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

    /** Adds gradient {@code i} into {@code target}, the input's gradient. */
    public void addInto(int i, DMatrixRMaj target) {
        DMatrixRMaj g = perInput[i];
        // target[blockRow + r, blockCol + c] += g[r, c]
        for (int r = 0; r < g.numRows; r++) {
            int from = r * g.numCols;
            int to = (blockRow + r) * target.numCols + blockCol;
            for (int c = 0; c < g.numCols; c++) {
                target.data[to + c] += g.data[from + c];
            }
        }
    }
    // end::ch08-block[]

    // tag::ch13-product[]
    /** A gradient op(A)·op(B), computed only where it is added. */
    private record Product(boolean transA, DMatrixRMaj a, boolean transB,
            DMatrixRMaj b) {
        int rows() {
            return transA ? a.numCols : a.numRows;
        }

        int cols() {
            return transB ? b.numRows : b.numCols;
        }

        /** The inner size: op(A)'s columns. */
        int inner() {
            return transA ? a.numRows : a.numCols;
        }

        /** target = op(A)·op(B) if {@code add} is false, += if true. */
        void into(DMatrixRMaj target, boolean add) {
            Products.gemm(transA, transB, rows(), cols(), inner(),
                    a.data, 0, a.numCols, b.data, 0, b.numCols,
                    target.data, 0, target.numCols, add);
        }
    }

    /**
     * These gradients with entry {@code i} the product op(A)·op(B), where
     * op(M) is Mᵀ if {@code trans} is set: the engine adds it into the
     * input's gradient in place, each element one chain of multiply-adds
     * that starts from the gradient's value (from a gradient of zeros,
     * the same bits as computing the product and adding it).
     */
    public Grads product(int i, boolean transA, DMatrixRMaj a,
            boolean transB, DMatrixRMaj b) {
        Product p = new Product(transA, a, transB, b);
        int bInner = transB ? b.numCols : b.numRows;
        if (p.inner() != bInner) {
            throw new IllegalArgumentException("Grads.product: op(A) "
                    + Shapes.of(a) + (transA ? "ᵀ" : "") + " and op(B) "
                    + Shapes.of(b) + (transB ? "ᵀ" : "") + " have inner"
                    + " sizes " + p.inner() + " and " + bInner);
        }
        if (isBlock || perInput[i] != null || products[i] != null) {
            throw new IllegalStateException("Grads.product: entry " + i
                    + " of " + this + " is taken");
        }
        products[i] = p;
        return this;
    }

    /** Whether entry {@code i} is a {@link #product} not yet computed. */
    public boolean isProduct(int i) {
        return products[i] != null && perInput[i] == null;
    }

    /** target += entry i, a product, in place: no matrix of its own. */
    public void addProductInto(int i, DMatrixRMaj target) {
        products[i].into(target, true);
    }

    /**
     * target = entry i, a product, whatever target held: the same bits as
     * {@link #addProductInto} into zeros, without the zeros.
     */
    public void productInto(int i, DMatrixRMaj target) {
        products[i].into(target, false);
    }
    // end::ch13-product[]

    /** Rows of gradient {@code i}, without computing a product. */
    public int rows(int i) {
        return products[i] != null ? products[i].rows() : perInput[i].numRows;
    }

    /** Columns of gradient {@code i}, without computing a product. */
    public int cols(int i) {
        return products[i] != null ? products[i].cols() : perInput[i].numCols;
    }

    /** Whether input {@code i} has a gradient (none for a mask). */
    public boolean has(int i) {
        return perInput[i] != null || products[i] != null;
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

    /**
     * The gradient for input {@code i}, or null if it takes none; a
     * {@link #product} is computed on the first call, into a new matrix.
     */
    public DMatrixRMaj get(int i) {
        if (perInput[i] == null && products[i] != null) {
            Product p = products[i];
            perInput[i] = new DMatrixRMaj(p.rows(), p.cols());
            p.into(perInput[i], false);
        }
        return perInput[i];
    }

    @Override
    public String toString() {
        String[] shapes = new String[perInput.length];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = !has(i) ? "none" : Shapes.of(rows(i), cols(i))
                    + (isProduct(i) ? " product" : "");
        }
        String entries = Arrays.toString(shapes);
        return "Grads" + entries + (isBlock ? " at (" + blockRow + ", "
                + blockCol + ")" : "");
    }
}
