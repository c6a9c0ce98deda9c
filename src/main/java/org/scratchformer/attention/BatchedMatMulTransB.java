package org.scratchformer.attention;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * One product A·Bᵀ per sequence and head, over a whole batch: attention's
 * scores Q·Kᵀ. PyTorch: bmm (q, k.transpose(-2, -1)) on tensors reshaped
 * to (B·H, T, D) and (B·H, S, D).
 *
 * <pre>
 * A (B·T, H·D), B (B·S, H·D) → Y (B·T, H·S)
 * for each sequence b and head h:
 *   Y[b]ₕ (T, S) = A[b]ₕ (T, D) · B[b]ₕᵀ (D, S)
 *   dA[b]ₕ = dY[b]ₕ · B[b]ₕ,   dB[b]ₕ = dY[b]ₕᵀ · A[b]ₕ
 * </pre>
 *
 * <p>X[b]ₕ is the block of rows of sequence b and columns of head h. Each
 * block's backward reads and writes only its own block, so a batch of 64
 * sequences costs 4 times a batch of 16, where slicing every sequence out
 * of the batch would cost 16 times.
 */
public final class BatchedMatMulTransB extends BinaryOp {
    private final BatchLayout layout;

    /** Products for {@code batch} sequences of {@code heads} heads each. */
    public BatchedMatMulTransB(int batch, int heads) {
        this.layout = new BatchLayout(batch, heads);
    }

    @Override
    public String name() {
        return "batched_matmul_nt";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        int t = layout.rowsPerSequence(name(), "A", a);
        int s = layout.rowsPerSequence(name(), "B", b);
        int d = layout.colsPerHead(name(), "A", a);
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException(name() + ": A " + Shapes.of(a)
                    + " and B " + Shapes.of(b) + " must have the same"
                    + " columns (heads × head width)");
        }
        int heads = layout.heads();
        DMatrixRMaj y = new DMatrixRMaj(a.numRows, heads * s);  // (B·T, H·S)
        for (int seq = 0; seq < layout.batch(); seq++) {
            for (int h = 0; h < heads; h++) {
                // Y[b]ₕ (T, S) += A[b]ₕ (T, D) · B[b]ₕᵀ (D, S)
                BlockProducts.multiplyAdd(false, true, t, s, d,
                        a.data, seq * t * a.numCols + h * d, a.numCols,
                        b.data, seq * s * b.numCols + h * d, b.numCols,
                        y.data, seq * t * y.numCols + h * s, y.numCols);
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        int t = a.numRows / layout.batch();
        int s = b.numRows / layout.batch();
        int d = a.numCols / layout.heads();
        DMatrixRMaj dA = new DMatrixRMaj(a.numRows, a.numCols);  // (B·T, H·D)
        DMatrixRMaj dB = new DMatrixRMaj(b.numRows, b.numCols);  // (B·S, H·D)
        for (int seq = 0; seq < layout.batch(); seq++) {
            for (int h = 0; h < layout.heads(); h++) {
                int aBlock = seq * t * a.numCols + h * d;
                int bBlock = seq * s * b.numCols + h * d;
                int yBlock = seq * t * y.numCols + h * s;
                // dA[b]ₕ (T, D) = dY[b]ₕ (T, S) · B[b]ₕ (S, D)
                BlockProducts.multiplyAdd(false, false, t, d, s,
                        dY.data, yBlock, y.numCols, b.data, bBlock,
                        b.numCols, dA.data, aBlock, a.numCols);
                // dB[b]ₕ (S, D) = dY[b]ₕᵀ (S, T) · A[b]ₕ (T, D)
                BlockProducts.multiplyAdd(true, false, s, d, t,
                        dY.data, yBlock, y.numCols, a.data, aBlock,
                        a.numCols, dB.data, bBlock, b.numCols);
            }
        }
        return new Grads(dA, dB);
    }
    // end::backward[]
}
