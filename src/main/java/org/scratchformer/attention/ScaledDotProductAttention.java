package org.scratchformer.attention;

import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Scaled dot-product attention over a whole batch, "Attention Is All You
 * Need" §3.2.1:
 *
 * <pre>
 * Attention(Q, K, V) = softmax(Q·Kᵀ / √d_k + M) · V
 * Q (B·T, D), K (B·S, D), V (B·S, D), M (B·T, S) → (B·T, D)
 * </pre>
 *
 * <p>Each sequence attends only to itself: the batched products multiply
 * block b of Q by block b of K, never across sequences. The mask M holds 0
 * where a query may see a key and −∞ where it may not. Every step is an op
 * of the registry, so backward needs nothing new.
 */
public final class ScaledDotProductAttention {
    private ScaledDotProductAttention() {
    }

    /**
     * The output and the attention weights (B·T, S), whose row b·T + t says
     * how much query t of sequence b took from each key.
     */
    public record Result(Tensor output, Tensor weights) {
    }

    // tag::attend[]
    /** softmax(Q·Kᵀ/√d_k + M)·V; the mask also gives B, T and S. */
    public static Result attend(Tensor q, Tensor k, Tensor v,
            AttentionMask mask) {
        checkShapes(q, k, v, mask);
        int batch = mask.batch();
        double scale = 1 / Math.sqrt(q.cols());  // 1/√d_k
        // scores (B·T, S) = Q[b] (T, D) · K[b]ᵀ (D, S) / √d_k per sequence
        Tensor scores = Ops.scale(
                new BatchedMatMulTransB(batch, 1).apply(q, k), scale);
        if (!mask.keepsAll()) {
            scores = Ops.addMask(scores, mask.tensor());  // −∞: masked
        }
        Tensor weights = Ops.softmax(scores);  // (B·T, S), rows sum to 1
        // output (B·T, D) = weights[b] (T, S) · V[b] (S, D) per sequence
        Tensor output = new BatchedMatMul(batch, 1).apply(weights, v);
        return new Result(output, weights);
    }
    // end::attend[]

    private static void checkShapes(Tensor q, Tensor k, Tensor v,
            AttentionMask mask) {
        String expected = "the mask is for " + mask.batch() + " sequences"
                + " of " + mask.queries() + " queries and " + mask.keys()
                + " keys, so Q needs " + mask.batch() * mask.queries()
                + " rows and K and V " + mask.batch() * mask.keys();
        if (q.rows() != mask.batch() * mask.queries()
                || k.rows() != mask.batch() * mask.keys()
                || v.rows() != k.rows()) {
            throw new IllegalArgumentException("attention: Q " + q.shape()
                    + ", K " + k.shape() + ", V " + v.shape() + ": "
                    + expected);
        }
        if (q.cols() != k.cols()) {
            throw new IllegalArgumentException("attention: Q " + q.shape()
                    + " and K " + k.shape() + " must have the same width"
                    + " d_k: each score is a dot product of a query and a"
                    + " key");
        }
    }
}
