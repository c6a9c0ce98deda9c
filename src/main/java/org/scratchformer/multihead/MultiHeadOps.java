package org.scratchformer.multihead;

import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.uniform;
import static org.scratchformer.gradcheck.RandomCases.values;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpSource;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 9's entries in the op registry: softmax per head block, and the
 * fused attention with a random mask, both with the fixed configuration of
 * 2 sequences and 2 heads and random T, S and D.
 */
public final class MultiHeadOps implements OpSource {
    static final int BATCH = 2;
    static final int HEADS = 2;
    /** How often a key is masked in a random mask. */
    static final double MASKED_SHARE = 0.3;

    @Override
    public int chapter() {
        return 9;
    }

    // tag::entries[]
    @Override
    public List<OpEntry> entries() {
        HeadSoftmax softmax = new HeadSoftmax(HEADS);
        FusedAttention attention = new FusedAttention(BATCH, HEADS);
        return List.of(
                new OpEntry("head_softmax", HeadSoftmax.class,
                        r -> List.of(Tensor.variable(uniform(r, size(r),
                                HEADS * size(r), -2, 2))),
                        x -> softmax.apply(x.get(0))),
                new OpEntry("fused_attention", FusedAttention.class,
                        MultiHeadOps::attentionInputs,
                        x -> attention.apply(x.get(0), x.get(1), x.get(2),
                                x.get(3))));
    }
    // end::entries[]

    /** Q (B·T, H·D), K and V (B·S, H·D), and a mask (B·T, S). */
    static List<Tensor> attentionInputs(Random r) {
        int t = size(r);
        int s = size(r);
        int d = size(r);
        return List.of(Tensor.variable(values(r, BATCH * t, HEADS * d)),
                Tensor.variable(values(r, BATCH * s, HEADS * d)),
                Tensor.variable(values(r, BATCH * s, HEADS * d)),
                Tensor.constant(mask(r, BATCH * t, s)));
    }

    /** 0 or −∞, each row keeping at least one key. */
    static DMatrixRMaj mask(Random r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.getNumElements(); k++) {
            if (r.nextDouble() < MASKED_SHARE) {
                m.set(k, Double.NEGATIVE_INFINITY);
            }
        }
        for (int i = 0; i < rows; i++) {
            m.set(i, r.nextInt(cols), 0);
        }
        return m;
    }
}
