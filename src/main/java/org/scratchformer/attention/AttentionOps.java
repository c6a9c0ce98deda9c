package org.scratchformer.attention;

import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.values;

import java.util.List;
import java.util.Random;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpSource;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 8's entries in the op registry: the two batched products, with a
 * fixed configuration of 3 sequences and 2 heads (as the registry fixes
 * scale's factor) and random T, S and D, so that a block read from the
 * wrong sequence or head shows.
 */
public final class AttentionOps implements OpSource {
    static final int BATCH = 3;
    static final int HEADS = 2;

    @Override
    public int chapter() {
        return 8;
    }

    // tag::entries[]
    @Override
    public List<OpEntry> entries() {
        BatchedMatMulTransB scores = new BatchedMatMulTransB(BATCH, HEADS);
        BatchedMatMul weighted = new BatchedMatMul(BATCH, HEADS);
        return List.of(
                new OpEntry("batched_matmul_nt", BatchedMatMulTransB.class,
                        r -> inputs(r, false),
                        x -> scores.apply(x.get(0), x.get(1))),
                new OpEntry("batched_matmul", BatchedMatMul.class,
                        r -> inputs(r, true),
                        x -> weighted.apply(x.get(0), x.get(1))));
    }
    // end::entries[]

    /**
     * A (B·T, H·D) and B (B·S, H·D) for batched_matmul_nt; A (B·T, H·S) and
     * B (B·S, H·D) for batched_matmul.
     */
    static List<Tensor> inputs(Random r, boolean weightsTimesValues) {
        int t = size(r);
        int s = size(r);
        int d = size(r);
        int aCols = HEADS * (weightsTimesValues ? s : d);
        return List.of(Tensor.variable(values(r, BATCH * t, aCols)),
                Tensor.variable(values(r, BATCH * s, HEADS * d)));
    }
}
