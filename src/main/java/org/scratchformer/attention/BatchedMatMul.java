package org.scratchformer.attention;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * One product A·B per sequence and head, over a whole batch: attention's
 * weights times values. PyTorch: bmm (weights, v) on tensors reshaped to
 * (B·H, T, S) and (B·H, S, D).
 *
 * <pre>
 * A (B·T, H·S), B (B·S, H·D) → Y (B·T, H·D)
 * for each sequence b and head h:
 *   Y[b]ₕ (T, D) = A[b]ₕ (T, S) · B[b]ₕ (S, D)
 *   dA[b]ₕ = dY[b]ₕ · B[b]ₕᵀ,   dB[b]ₕ = A[b]ₕᵀ · dY[b]ₕ
 * </pre>
 */
public final class BatchedMatMul extends BinaryOp {
    private final BatchLayout layout;

    /** Products for {@code batch} sequences of {@code heads} heads each. */
    public BatchedMatMul(int batch, int heads) {
        this.layout = new BatchLayout(batch, heads);
    }

    @Override
    public String name() {
        return "batched_matmul";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        int t = layout.rowsPerSequence(name(), "A", a);
        int s = layout.colsPerHead(name(), "A", a);
        int d = layout.colsPerHead(name(), "B", b);
        if (b.numRows != layout.batch() * s) {
            throw new IllegalArgumentException(name() + ": A " + Shapes.of(a)
                    + " has blocks of " + s + " columns per head, so B "
                    + Shapes.of(b) + " needs " + s + " rows per sequence ("
                    + layout.batch() * s + " rows), one per key");
        }
        DMatrixRMaj y = new DMatrixRMaj(a.numRows, b.numCols);  // (B·T, H·D)
        for (int seq = 0; seq < layout.batch(); seq++) {
            for (int h = 0; h < layout.heads(); h++) {
                // Y[b]ₕ (T, D) += A[b]ₕ (T, S) · B[b]ₕ (S, D)
                BlockProducts.multiplyAdd(false, false, t, d, s,
                        a.data, seq * t * a.numCols + h * s, a.numCols,
                        b.data, seq * s * b.numCols + h * d, b.numCols,
                        y.data, seq * t * y.numCols + h * d, y.numCols);
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
        int s = a.numCols / layout.heads();
        int d = b.numCols / layout.heads();
        DMatrixRMaj dA = new DMatrixRMaj(a.numRows, a.numCols);  // (B·T, H·S)
        DMatrixRMaj dB = new DMatrixRMaj(b.numRows, b.numCols);  // (B·S, H·D)
        for (int seq = 0; seq < layout.batch(); seq++) {
            for (int h = 0; h < layout.heads(); h++) {
                int aBlock = seq * t * a.numCols + h * s;
                int bBlock = seq * s * b.numCols + h * d;
                int yBlock = seq * t * y.numCols + h * d;
                // dA[b]ₕ (T, S) = dY[b]ₕ (T, D) · B[b]ₕᵀ (D, S)
                BlockProducts.multiplyAdd(false, true, t, s, d,
                        dY.data, yBlock, y.numCols, b.data, bBlock,
                        b.numCols, dA.data, aBlock, a.numCols);
                // dB[b]ₕ (S, D) = A[b]ₕᵀ (S, T) · dY[b]ₕ (T, D)
                BlockProducts.multiplyAdd(true, false, s, d, t,
                        a.data, aBlock, a.numCols, dY.data, yBlock,
                        y.numCols, dB.data, bBlock, b.numCols);
            }
        }
        return new Grads(dA, dB);
    }
    // end::backward[]
}
