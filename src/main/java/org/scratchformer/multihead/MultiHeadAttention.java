package org.scratchformer.multihead;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.BatchedMatMul;
import org.scratchformer.attention.BatchedMatMulTransB;
import org.scratchformer.nn.Linear;
import org.scratchformer.nn.Module;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Multi-head attention, "Attention Is All You Need" §3.2.2:
 *
 * <pre>
 * MultiHead(X, Z) = Concat(head₀, …, head_{H−1})·W_O + b_O
 * headₕ = Attention(X·W_Qₕ, Z·W_Kₕ, Z·W_Vₕ)
 * X (B·T, C) queries, Z (B·S, C) keys and values → (B·T, C),  D = C / H
 * </pre>
 *
 * <p>Self-attention is Z = X; cross-attention takes Z from another
 * sequence, of another length S. The H per-head projections (C, D) are
 * the column blocks of one (C, C) matrix, so one product projects every
 * head at once, and head h of the result is its column block
 * [h·D, (h+1)·D). Splitting into heads and concatenating them back cost
 * nothing in this layout: the batched products read each head's block in
 * place.
 *
 * <p>Two implementations compute the same function: {@code COMPOSED}, from
 * registered primitives (the one to read first), and {@code FUSED}, one op
 * with a hand-derived backward. The weights of the last forward pass are
 * kept for drawing ({@link #lastWeights}); the ops stay stateless.
 */
public final class MultiHeadAttention extends Module {
    /** How the attention between the projections is computed. */
    public enum Implementation { COMPOSED, FUSED }

    private final int model;  // C
    private final int heads;  // H
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private Implementation implementation = Implementation.COMPOSED;
    private Last last;  // projected Q and K of the last forward, no graph

    private record Last(DMatrixRMaj q, DMatrixRMaj k, AttentionMask mask) {
    }

    /** H heads over a model width C that H divides. */
    public MultiHeadAttention(int model, int heads, Random random) {
        if (heads < 1 || model < 1 || model % heads != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: d_model "
                    + model + " must be a positive multiple of the head"
                    + " count " + heads + ", so that every head gets"
                    + " d_model / heads columns");
        }
        this.model = model;
        this.heads = heads;
        this.query = child("query", new Linear(model, model, random));
        this.key = child("key", new Linear(model, model, random));
        this.value = child("value", new Linear(model, model, random));
        this.output = child("output", new Linear(model, model, random));
    }

    /** Chooses the implementation; returns this module. */
    public MultiHeadAttention use(Implementation choice) {
        this.implementation = choice;
        return this;
    }

    /** Self-attention: queries, keys and values all from X (B·T, C). */
    public Tensor forward(Tensor x, AttentionMask mask) {
        return forward(x, x, mask);
    }

    // tag::forward[]
    /** Queries from X (B·T, C), keys and values from Z (B·S, C). */
    public Tensor forward(Tensor x, Tensor z, AttentionMask mask) {
        checkShapes(x, z, mask);
        Tensor q = query.forward(x);  // (B·T, C): every head's queries
        Tensor k = key.forward(z);    // (B·S, C)
        Tensor v = value.forward(z);  // (B·S, C)
        last = new Last(q.value(), k.value(), mask);
        Tensor merged = implementation == Implementation.FUSED
                ? new FusedAttention(mask.batch(), heads).apply(q, k, v,
                        mask.tensor())
                : composed(q, k, v, mask);  // (B·T, C), heads side by side
        return output.forward(merged);  // (B·T, C) = Concat(heads)·W_O
    }
    // end::forward[]

    // tag::composed[]
    /** Every head at once: scores and weights are (B·T, H·S). */
    private Tensor composed(Tensor q, Tensor k, Tensor v,
            AttentionMask mask) {
        int batch = mask.batch();
        double scale = 1 / Math.sqrt(model / heads);  // 1/√D
        // scores block h (B·T, S) = Q[b]ₕ · K[b]ₕᵀ / √D for every b
        Tensor scores = Ops.scale(
                new BatchedMatMulTransB(batch, heads).apply(q, k), scale);
        if (!mask.keepsAll()) {
            scores = Ops.addMask(scores, mask.tensorForHeads(heads));
        }
        Tensor weights = new HeadSoftmax(heads).apply(scores);
        // heads (B·T, H·D): block h = weights[b]ₕ (T, S) · V[b]ₕ (S, D)
        return new BatchedMatMul(batch, heads).apply(weights, v);
    }
    // end::composed[]

    /**
     * The attention weights of head {@code head} in the last forward pass:
     * (B·T, S), row b·T + t for query t of sequence b.
     */
    public DMatrixRMaj lastWeights(int head) {
        if (last == null) {
            throw new IllegalStateException(this + ": no forward pass yet,"
                    + " so no attention weights");
        }
        if (head < 0 || head >= heads) {
            throw new IllegalArgumentException(this + ": head " + head
                    + " does not exist; allowed are 0 to " + (heads - 1));
        }
        AttentionMask mask = last.mask();
        FusedAttention attention = new FusedAttention(mask.batch(), heads);
        DMatrixRMaj maskValues = mask.tensor().value();
        DMatrixRMaj all = new DMatrixRMaj(mask.batch() * mask.queries(),
                mask.keys());
        for (int b = 0; b < mask.batch(); b++) {
            DMatrixRMaj p = attention.weights(last.q(), last.k(), maskValues,
                    b, head);  // (T, S)
            System.arraycopy(p.data, 0, all.data,
                    b * p.getNumElements(), p.getNumElements());
        }
        return all;
    }

    private void checkShapes(Tensor x, Tensor z, AttentionMask mask) {
        if (x.cols() != model || z.cols() != model
                || x.rows() != mask.batch() * mask.queries()
                || z.rows() != mask.batch() * mask.keys()) {
            throw new IllegalArgumentException(this + ": queries "
                    + x.shape() + " and keys " + z.shape() + " do not fit"
                    + " d_model " + model + " and the mask's "
                    + mask.batch() + " sequences of " + mask.queries()
                    + " queries and " + mask.keys() + " keys");
        }
    }

    public int heads() {
        return heads;
    }

    public int model() {
        return model;
    }

    public Linear query() {
        return query;
    }

    public Linear key() {
        return key;
    }

    public Linear value() {
        return value;
    }

    public Linear output() {
        return output;
    }

    @Override
    public String toString() {
        return "MultiHeadAttention(d_model " + model + ", " + heads
                + " heads)";
    }
}
