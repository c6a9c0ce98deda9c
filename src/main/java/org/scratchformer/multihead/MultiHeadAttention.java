package org.scratchformer.multihead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.BatchedMatMul;
import org.scratchformer.attention.BatchedMatMulTransB;
import org.scratchformer.nn.Linear;
import org.scratchformer.nn.Module;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.NoGrad;
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
 * with a hand-derived backward. The choice is made when the module is
 * built. The module keeps nothing from a forward pass: {@link #weights}
 * computes the attention weights again for given inputs.
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
    private final Implementation implementation;

    /** H heads over a model width C that H divides, composed. */
    public MultiHeadAttention(int model, int heads, Random random) {
        this(model, heads, Implementation.COMPOSED, random);
    }

    /** H heads over a model width C that H divides, as chosen. */
    public MultiHeadAttention(int model, int heads,
            Implementation implementation, Random random) {
        if (heads < 1 || model < 1 || model % heads != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: d_model "
                    + model + " must be a positive multiple of the head"
                    + " count " + heads + ", so that every head gets"
                    + " d_model / heads columns");
        }
        if (implementation == null) {
            throw new IllegalArgumentException("MultiHeadAttention: the"
                    + " implementation is null; choose COMPOSED or FUSED");
        }
        this.model = model;
        this.implementation = implementation;
        this.heads = heads;
        this.query = child("query", new Linear(model, model, random));
        this.key = child("key", new Linear(model, model, random));
        this.value = child("value", new Linear(model, model, random));
        this.output = child("output", new Linear(model, model, random));
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

    // tag::weights[]
    /**
     * Each head's attention weights for queries from X (B·T, C) and keys
     * from Z (B·S, C): element h is head h's (B·T, S), row b·T + t for
     * query t of sequence b. The numbers forward uses, computed again
     * without a graph; the matrices are the caller's.
     */
    @SuppressWarnings("try")  // the scope only switches the graph off
    public List<DMatrixRMaj> weights(Tensor x, Tensor z,
            AttentionMask mask) {
        checkShapes(x, z, mask);
        try (NoGrad scope = NoGrad.enter()) {
            DMatrixRMaj q = query.forward(x).value();  // (B·T, C)
            DMatrixRMaj k = key.forward(z).value();    // (B·S, C)
            DMatrixRMaj m = mask.tensor().value();     // (B·T, S)
            FusedAttention attention = new FusedAttention(mask.batch(),
                    heads);
            List<DMatrixRMaj> all = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                DMatrixRMaj w = new DMatrixRMaj(m.numRows, m.numCols);
                for (int b = 0; b < mask.batch(); b++) {
                    DMatrixRMaj p = attention.weights(q, k, m, b, h);
                    // P (T, S) is rows b·T … b·T + T − 1 of head h's map
                    System.arraycopy(p.data, 0, w.data,
                            b * p.getNumElements(), p.getNumElements());
                }
                all.add(w);
            }
            return Collections.unmodifiableList(all);
        }
    }
    // end::weights[]

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

    /** Composed or fused, as chosen when the module was built. */
    public Implementation implementation() {
        return implementation;
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
