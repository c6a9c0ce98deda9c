package org.scratchformer.multihead;

import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.ScaledDotProductAttention;
import org.scratchformer.attention.ScaledDotProductAttention.Result;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Attention as the bug catalogue runs it: the three places where the
 * catalogued bugs live, each with the signature of the real code it stands
 * for. The defaults are correct; a variant of {@link AttentionBugs}
 * overrides the one method that holds its bug, and the others then use it.
 */
interface AttentionVariant {
    /** The correct attention: the project's own code, unchanged. */
    AttentionVariant CORRECT = new AttentionVariant() {
        @Override
        public Tensor forward(MultiHeadAttention attention, Tensor x,
                Tensor z, AttentionMask mask) {
            return attention.forward(x, z, mask);
        }

        @Override
        public String toString() {
            return "correct attention";
        }
    };

    /** Stands for {@link ScaledDotProductAttention#attend}. */
    default Result attend(Tensor q, Tensor k, Tensor v, AttentionMask mask) {
        return ScaledDotProductAttention.attend(q, k, v, mask);
    }

    /**
     * Stands for {@link MultiHeadAttention#forward(Tensor, Tensor,
     * AttentionMask)}, the module giving the projections: by default one
     * head at a time through {@link #attend}, so that a bug in attend
     * reaches multi-head attention too.
     */
    default Tensor forward(MultiHeadAttention attention, Tensor x, Tensor z,
            AttentionMask mask) {
        Tensor q = attention.query().forward(x);  // (B·T, C)
        Tensor k = attention.key().forward(z);    // (B·S, C)
        Tensor v = attention.value().forward(z);  // (B·S, C)
        return attention.output().forward(
                eachHead(attention.heads(), q, k, v, mask));
    }

    /** Stands for {@link AttentionMask#causal}. */
    default AttentionMask causal(int batch, int length) {
        return AttentionMask.causal(batch, length);
    }

    /**
     * Head h is the column block [h·D, (h+1)·D) of Q, K and V; the heads'
     * outputs go back side by side: (B·T, H·D).
     */
    default Tensor eachHead(int heads, Tensor q, Tensor k, Tensor v,
            AttentionMask mask) {
        int d = q.cols() / heads;  // D
        Tensor[] outputs = new Tensor[heads];
        for (int h = 0; h < heads; h++) {
            outputs[h] = attend(Ops.sliceCols(q, h * d, (h + 1) * d),
                    Ops.sliceCols(k, h * d, (h + 1) * d),
                    Ops.sliceCols(v, h * d, (h + 1) * d), mask).output();
        }
        return Ops.concatCols(outputs);
    }
}
