package org.scratchformer.multihead;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.BatchedMatMul;
import org.scratchformer.attention.BatchedMatMulTransB;
import org.scratchformer.attention.ScaledDotProductAttention.Result;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The bug catalogue: attention as blog posts and issue trackers get it
 * wrong, one deliberately broken variant per bug, written in this
 * project's layout. Each overrides the one method of
 * {@link AttentionVariant} that holds its bug and marks the wrong line
 * with {@code // the bug}. {@code BugCatalogueTest} proves that named
 * checks catch every one; docs/attention-bugs.adoc shows them.
 */
enum AttentionBugs implements AttentionVariant {
    SOFTMAX_LEFT_OUT("softmax left out") {
        // tag::softmax-left-out[]
        @Override
        public Result attend(Tensor q, Tensor k, Tensor v,
                AttentionMask mask) {
            int batch = mask.batch();
            double scale = 1 / Math.sqrt(q.cols());  // 1/√d_k
            Tensor scores = Ops.scale(
                    new BatchedMatMulTransB(batch, 1).apply(q, k), scale);
            if (!mask.keepsAll()) {
                scores = Ops.addMask(scores, mask.tensor());
            }
            Tensor weights = scores;  // the bug: no softmax
            Tensor output = new BatchedMatMul(batch, 1).apply(weights, v);
            return new Result(output, weights);
        }
        // end::softmax-left-out[]
    },

    K_NOT_TRANSPOSED("K not transposed") {
        // tag::k-not-transposed[]
        @Override
        public Result attend(Tensor q, Tensor k, Tensor v,
                AttentionMask mask) {
            int batch = mask.batch();
            double scale = 1 / Math.sqrt(q.cols());  // 1/√d_k
            // the bug: Q[b] (T, D) · K[b] (S, D), which fits only if S = D
            Tensor scores = Ops.scale(
                    new BatchedMatMul(batch, 1).apply(q, k), scale);
            if (!mask.keepsAll()) {
                scores = Ops.addMask(scores, mask.tensor());
            }
            Tensor weights = Ops.softmax(scores);
            Tensor output = new BatchedMatMul(batch, 1).apply(weights, v);
            return new Result(output, weights);
        }
        // end::k-not-transposed[]
    },

    K_TIMES_SQRT_D("K multiplied by √d_k") {
        // tag::k-times-sqrt[]
        @Override
        public Result attend(Tensor q, Tensor k, Tensor v,
                AttentionMask mask) {
            int batch = mask.batch();
            // the bug: K·√d_k, so the scores are Q·Kᵀ·√d_k, not Q·Kᵀ/√d_k
            Tensor scaledK = Ops.scale(k, Math.sqrt(q.cols()));
            Tensor scores = new BatchedMatMulTransB(batch, 1).apply(q,
                    scaledK);
            if (!mask.keepsAll()) {
                scores = Ops.addMask(scores, mask.tensor());
            }
            Tensor weights = Ops.softmax(scores);
            Tensor output = new BatchedMatMul(batch, 1).apply(weights, v);
            return new Result(output, weights);
        }
        // end::k-times-sqrt[]
    },

    SCALED_BY_MODEL_WIDTH("scaled by d_model instead of the head width") {
        // tag::scaled-by-model-width[]
        @Override
        public Tensor forward(MultiHeadAttention attention, Tensor x,
                Tensor z, AttentionMask mask) {
            Tensor q = attention.query().forward(x);  // (B·T, C)
            Tensor k = attention.key().forward(z);    // (B·S, C)
            Tensor v = attention.value().forward(z);  // (B·S, C)
            int batch = mask.batch();
            int heads = attention.heads();
            double scale = 1 / Math.sqrt(attention.model());  // the bug: C
            Tensor scores = Ops.scale(
                    new BatchedMatMulTransB(batch, heads).apply(q, k), scale);
            if (!mask.keepsAll()) {
                scores = Ops.addMask(scores, mask.tensorForHeads(heads));
            }
            Tensor weights = new HeadSoftmax(heads).apply(scores);
            return attention.output().forward(
                    new BatchedMatMul(batch, heads).apply(weights, v));
        }
        // end::scaled-by-model-width[]
    },

    RESHAPE_BEFORE_TRANSPOSE("heads split by a reshape before the"
            + " transpose") {
        // tag::reshape-before-transpose[]
        @Override
        public Tensor forward(MultiHeadAttention attention, Tensor x,
                Tensor z, AttentionMask mask) {
            int batch = mask.batch();
            int heads = attention.heads();
            int d = attention.model() / heads;  // D
            Tensor q = attention.query().forward(x);  // (B·T, C)
            Tensor k = attention.key().forward(z);    // (B·S, C)
            Tensor v = attention.value().forward(z);  // (B·S, C)
            // the bug: each sequence's (T, C) numbers read as H (T, D)
            // blocks, one after the other (PyTorch: view(B, H, T, D))
            Tensor qh = new Reshape(q.rows() * heads, d).apply(q);
            Tensor kh = new Reshape(k.rows() * heads, d).apply(k);
            Tensor vh = new Reshape(v.rows() * heads, d).apply(v);
            // B·H sequences (b, h), each seeing the keys of sequence b
            AttentionMask perHead = AttentionMask.where(batch * heads,
                    mask.queries(), mask.keys(),
                    (bh, t, s) -> mask.keeps(bh / heads, t, s));
            Tensor out = attend(qh, kh, vh, perHead).output();
            return attention.output().forward(
                    mergeHeads(out, batch, heads, mask.queries()));
        }
        // end::reshape-before-transpose[]
    },

    SOFTMAX_OVER_QUERIES("softmax over the wrong axis") {
        // tag::softmax-over-queries[]
        @Override
        public Result attend(Tensor q, Tensor k, Tensor v,
                AttentionMask mask) {
            int batch = mask.batch();
            int t = mask.queries();
            double scale = 1 / Math.sqrt(q.cols());  // 1/√d_k
            Tensor scores = Ops.scale(
                    new BatchedMatMulTransB(batch, 1).apply(q, k), scale);
            if (!mask.keepsAll()) {
                scores = Ops.addMask(scores, mask.tensor());
            }
            Tensor[] blocks = new Tensor[batch];
            for (int b = 0; b < batch; b++) {
                Tensor block = Ops.sliceRows(scores, b * t, (b + 1) * t);
                // the bug: each key's column sums to 1 (PyTorch: dim=1)
                blocks[b] = Ops.transpose(Ops.softmax(Ops.transpose(block)));
            }
            Tensor weights = Ops.concatRows(blocks);
            Tensor output = new BatchedMatMul(batch, 1).apply(weights, v);
            return new Result(output, weights);
        }
        // end::softmax-over-queries[]
    },

    MASK_NOT_APPLIED("padding mask not applied") {
        // tag::mask-not-applied[]
        @Override
        public Result attend(Tensor q, Tensor k, Tensor v,
                AttentionMask mask) {
            int batch = mask.batch();
            double scale = 1 / Math.sqrt(q.cols());  // 1/√d_k
            Tensor scores = Ops.scale(
                    new BatchedMatMulTransB(batch, 1).apply(q, k), scale);
            // the bug: the masked scores are computed and dropped
            // (PyTorch: scores.masked_fill(mask, -inf) without scores =)
            Ops.addMask(scores, mask.tensor());
            Tensor weights = Ops.softmax(scores);
            Tensor output = new BatchedMatMul(batch, 1).apply(weights, v);
            return new Result(output, weights);
        }
        // end::mask-not-applied[]
    },

    CAUSAL_MASK_SHIFTED("causal mask shifted by one") {
        // tag::causal-mask-shifted[]
        @Override
        public AttentionMask causal(int batch, int length) {
            // the bug: query t sees keys 0..t+1, one token of its future
            // (PyTorch: triu(ones(T, T), diagonal=2) as the masked part)
            return AttentionMask.where(batch, length, length,
                    (b, t, s) -> s <= t + 1);
        }
        // end::causal-mask-shifted[]
    },

    FINITE_MASK("mask filled with −1e9 instead of −∞") {
        // tag::finite-mask[]
        @Override
        public Result attend(Tensor q, Tensor k, Tensor v,
                AttentionMask mask) {
            int batch = mask.batch();
            int t = mask.queries();
            double scale = 1 / Math.sqrt(q.cols());  // 1/√d_k
            Tensor scores = Ops.scale(
                    new BatchedMatMulTransB(batch, 1).apply(q, k), scale);
            // the bug: a masked score gets −1e9 added, not −∞
            DMatrixRMaj fill = new DMatrixRMaj(scores.rows(), scores.cols());
            for (int r = 0; r < scores.rows(); r++) {
                for (int s = 0; s < scores.cols(); s++) {
                    fill.set(r, s, mask.keeps(r / t, r % t, s) ? 0 : -1e9);
                }
            }
            scores = Ops.add(scores, Tensor.constant(fill));
            Tensor weights = Ops.softmax(scores);
            Tensor output = new BatchedMatMul(batch, 1).apply(weights, v);
            return new Result(output, weights);
        }
        // end::finite-mask[]
    },

    NO_PROJECTIONS("Q, K and V without their projections") {
        // tag::no-projections[]
        @Override
        public Tensor forward(MultiHeadAttention attention, Tensor x,
                Tensor z, AttentionMask mask) {
            // the bug: Q, K and V are X, Z and Z, not X·W_Q, Z·W_K, Z·W_V
            Tensor heads = eachHead(attention.heads(), x, z, z, mask);
            return attention.output().forward(heads);
        }
        // end::no-projections[]
    };

    private final String displayName;

    AttentionBugs(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }

    /**
     * The heads' outputs (B·H·T, D), row (b·H + h)·T + t, put back as
     * (B·T, H·D) with head h in column block h: PyTorch's
     * transpose(1, 2).contiguous().view(B, T, C), done right.
     */
    static Tensor mergeHeads(Tensor out, int batch, int heads, int t) {
        Tensor[] sequences = new Tensor[batch];
        for (int b = 0; b < batch; b++) {
            Tensor[] blocks = new Tensor[heads];
            for (int h = 0; h < heads; h++) {
                int from = (b * heads + h) * t;
                blocks[h] = Ops.sliceRows(out, from, from + t);  // (T, D)
            }
            sequences[b] = Ops.concatCols(blocks);  // (T, H·D)
        }
        return Ops.concatRows(sequences);
    }
}
