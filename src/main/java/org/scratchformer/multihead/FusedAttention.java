package org.scratchformer.multihead;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.attention.BlockProducts;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Shapes;

/**
 * Multi-head scaled dot-product attention as one op, every sequence and
 * head, with a hand-derived backward. PyTorch:
 * scaled_dot_product_attention (its math backend) on the (B, H, T, D)
 * views.
 *
 * <pre>
 * Q (B·T, H·D), K (B·S, H·D), V (B·S, H·D), M (B·T, S) → Y (B·T, H·D)
 * for each sequence b and head h, with c = 1/√D:
 *   P = softmax(c·Q[b]ₕ·K[b]ₕᵀ + M[b])              (T, S)
 *   Y[b]ₕ = P·V[b]ₕ                                 (T, D)
 * backward:
 *   dV[b]ₕ = Pᵀ·dY[b]ₕ                              (S, D)
 *   dP = dY[b]ₕ·V[b]ₕᵀ                              (T, S)
 *   dZ = P ⊙ (dP − rowSum(dP ⊙ P))                  (T, S)
 *   dQ[b]ₕ = c·dZ·K[b]ₕ,   dK[b]ₕ = c·dZᵀ·Q[b]ₕ,   dM = none
 * </pre>
 *
 * <p>The composed version records five ops and keeps the (B·T, H·S) scores,
 * masked scores and weights alive until backward. This op keeps nothing:
 * backward recomputes P one block at a time from Q and K, a (T, S) matrix
 * instead of three (B·T, H·S) ones, the trade FlashAttention makes. A
 * masked position has P = 0, so dZ = 0 there and no gradient reaches it.
 */
public final class FusedAttention implements Op {
    private final int batch;
    private final int heads;

    /** Attention for {@code batch} sequences of {@code heads} heads. */
    public FusedAttention(int batch, int heads) {
        if (batch < 1 || heads < 1) {
            throw new IllegalArgumentException("fused_attention: batch and"
                    + " heads must be at least 1, got batch " + batch
                    + ", heads " + heads);
        }
        this.batch = batch;
        this.heads = heads;
    }

    @Override
    public String name() {
        return "fused_attention";
    }

    /** Where one (sequence, head) block sits: sizes and offsets. */
    private record Block(int t, int s, int d, int qOffset, int kOffset,
            int width) {
    }

    private Block block(DMatrixRMaj q, DMatrixRMaj k, int b, int h) {
        int t = q.numRows / batch;
        int s = k.numRows / batch;
        int d = q.numCols / heads;
        return new Block(t, s, d, b * t * q.numCols + h * d,
                b * s * k.numCols + h * d, q.numCols);
    }

    // tag::forward[]
    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> x) {
        checkShapes(x);
        DMatrixRMaj q = x.get(0);
        DMatrixRMaj k = x.get(1);
        DMatrixRMaj v = x.get(2);
        DMatrixRMaj y = new DMatrixRMaj(q.numRows, q.numCols);  // (B·T, H·D)
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                Block at = block(q, k, b, h);
                DMatrixRMaj p = weights(q, k, x.get(3), b, h);  // (T, S)
                // Y[b]ₕ (T, D) = P (T, S) · V[b]ₕ (S, D)
                BlockProducts.multiplyAdd(false, false, at.t(), at.d(),
                        at.s(), p.data, 0, at.s(), v.data, at.kOffset(),
                        at.width(), y.data, at.qOffset(), at.width());
            }
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj q = x.get(0);
        DMatrixRMaj k = x.get(1);
        DMatrixRMaj v = x.get(2);
        DMatrixRMaj dQ = new DMatrixRMaj(q.numRows, q.numCols);
        DMatrixRMaj dK = new DMatrixRMaj(k.numRows, k.numCols);
        DMatrixRMaj dV = new DMatrixRMaj(v.numRows, v.numCols);
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                backward(x, dY, b, h, dQ, dK, dV);
            }
        }
        return new Grads(dQ, dK, dV, null);  // the mask is a constant
    }

    /** Adds sequence b's, head h's share of dQ, dK and dV. */
    private void backward(List<DMatrixRMaj> x, DMatrixRMaj dY, int b, int h,
            DMatrixRMaj dQ, DMatrixRMaj dK, DMatrixRMaj dV) {
        DMatrixRMaj q = x.get(0);
        DMatrixRMaj k = x.get(1);
        DMatrixRMaj v = x.get(2);
        Block at = block(q, k, b, h);
        int t = at.t();
        int s = at.s();
        int d = at.d();
        int w = at.width();
        DMatrixRMaj p = weights(q, k, x.get(3), b, h);  // (T, S)
        // dV[b]ₕ (S, D) = Pᵀ (S, T) · dY[b]ₕ (T, D)
        BlockProducts.multiplyAdd(true, false, s, d, t, p.data, 0,
                s, dY.data, at.qOffset(), w, dV.data, at.kOffset(),
                w);
        // dP (T, S) = dY[b]ₕ (T, D) · V[b]ₕᵀ (D, S)
        DMatrixRMaj dP = new DMatrixRMaj(t, s);
        BlockProducts.multiplyAdd(false, true, t, s, d, dY.data,
                at.qOffset(), w, v.data, at.kOffset(), w, dP.data,
                0, s);
        DMatrixRMaj dZ = softmaxBackward(p, dP, 1 / Math.sqrt(d));
        // dQ[b]ₕ (T, D) = c·dZ (T, S) · K[b]ₕ (S, D)
        BlockProducts.multiplyAdd(false, false, t, d, s, dZ.data, 0,
                s, k.data, at.kOffset(), w, dQ.data, at.qOffset(),
                w);
        // dK[b]ₕ (S, D) = c·dZᵀ (S, T) · Q[b]ₕ (T, D)
        BlockProducts.multiplyAdd(true, false, s, d, t, dZ.data, 0,
                s, q.data, at.qOffset(), w, dK.data, at.kOffset(),
                w);
    }
    // end::backward[]

    /** c·dZ = c·P ⊙ (dP − rowSum(dP ⊙ P)), the softmax rule, scaled. */
    private static DMatrixRMaj softmaxBackward(DMatrixRMaj p, DMatrixRMaj dP,
            double c) {
        DMatrixRMaj dZ = new DMatrixRMaj(p.numRows, p.numCols);  // (T, S)
        for (int i = 0; i < p.numRows; i++) {
            double dot = 0;
            for (int j = 0; j < p.numCols; j++) {
                dot += dP.get(i, j) * p.get(i, j);
            }
            for (int j = 0; j < p.numCols; j++) {
                dZ.set(i, j, c * p.get(i, j) * (dP.get(i, j) - dot));
            }
        }
        return dZ;
    }

    // tag::weights[]
    /**
     * P = softmax(Q[b]ₕ·K[b]ₕᵀ/√D + M[b]), the (T, S) weights of sequence
     * b and head h.
     */
    DMatrixRMaj weights(DMatrixRMaj q, DMatrixRMaj k, DMatrixRMaj mask,
            int b, int h) {
        Block at = block(q, k, b, h);
        int t = at.t();
        int s = at.s();
        DMatrixRMaj p = new DMatrixRMaj(t, s);
        // P (T, S) = Q[b]ₕ (T, D) · K[b]ₕᵀ (D, S), then scaled and masked
        BlockProducts.multiplyAdd(false, true, t, s, at.d(), q.data,
                at.qOffset(), at.width(), k.data, at.kOffset(), at.width(),
                p.data, 0, s);
        double c = 1 / Math.sqrt(at.d());
        for (int i = 0; i < t; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < s; j++) {
                double z = c * p.get(i, j) + mask.get(b * t + i, j);
                p.set(i, j, z);
                max = Math.max(max, z);
            }
            double total = 0;
            for (int j = 0; j < s; j++) {
                double e = Math.exp(p.get(i, j) - max);  // e^−∞ = 0
                p.set(i, j, e);
                total += e;
            }
            for (int j = 0; j < s; j++) {
                p.set(i, j, p.get(i, j) / total);
            }
        }
        return p;
    }
    // end::weights[]

    private void checkShapes(List<DMatrixRMaj> x) {
        Shapes.requireArity(name(), 4, x.size());
        DMatrixRMaj q = x.get(0);
        DMatrixRMaj k = x.get(1);
        DMatrixRMaj v = x.get(2);
        DMatrixRMaj m = x.get(3);
        String shapes = "Q " + Shapes.of(q) + ", K " + Shapes.of(k) + ", V "
                + Shapes.of(v) + ", M " + Shapes.of(m);
        if (q.numRows % batch != 0 || k.numRows % batch != 0
                || q.numCols % heads != 0) {
            throw new IllegalArgumentException(name() + ": " + shapes
                    + ": the rows of Q and K must be multiples of the batch"
                    + " size " + batch + ", the columns of Q a multiple of"
                    + " the head count " + heads);
        }
        if (!Shapes.same(k, v) || k.numCols != q.numCols
                || !Shapes.same(m, new DMatrixRMaj(q.numRows,
                        k.numRows / batch))) {
            throw new IllegalArgumentException(name() + ": " + shapes
                    + ": K and V need one shape, with Q's columns, and M"
                    + " needs " + Shapes.of(q.numRows, k.numRows / batch)
                    + ", one row per query and one column per key");
        }
        checkMask(m);
    }

    private void checkMask(DMatrixRMaj m) {
        for (int r = 0; r < m.numRows; r++) {
            boolean anyKept = false;
            for (int j = 0; j < m.numCols; j++) {
                double mj = m.get(r, j);
                if (mj != 0 && mj != Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException(name() + ": mask M "
                            + Shapes.of(m) + " holds " + mj + " at (" + r
                            + ", " + j + "); allowed are 0 (keep) and −∞"
                            + " (masked)");
                }
                anyKept |= mj == 0;
            }
            if (!anyKept) {
                throw new IllegalArgumentException(name() + ": row " + r
                        + " of mask M " + Shapes.of(m) + " masks every key;"
                        + " each query needs at least one");
            }
        }
    }
}
