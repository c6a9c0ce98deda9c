package org.scratchformer.multihead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Products;
import org.scratchformer.tensor.Tensor;

/**
 * Fused attention, whose sentences run over both threads, gives the same
 * bits with one thread and with two or three, value and every gradient,
 * at a size large enough to be split.
 */
class ThreadCountTest {
    static final int BATCH = 64;
    static final int LENGTH = 16;
    static final int WIDTH = 64;
    static final int HEADS = 4;

    /** Y and every input's gradient, for dY drawn from the seed. */
    static List<DMatrixRMaj> run(int threads, List<DMatrixRMaj> values,
            Function<List<Tensor>, Tensor> op) {
        int before = Products.threads();
        try {
            Products.setThreads(threads);
            List<Tensor> inputs = new ArrayList<>();
            for (DMatrixRMaj v : values) {
                inputs.add(Tensor.variable(v.copy()));
            }
            Tensor y = op.apply(inputs);
            DMatrixRMaj dY = RandomCases.values(new Random(9), y.rows(),
                    y.cols());
            Ops.sum(Ops.mul(y, Tensor.constant(dY))).backward();
            List<DMatrixRMaj> out = new ArrayList<>();
            out.add(y.value());
            for (Tensor t : inputs) {
                out.add(t.grad());
            }
            return out;
        } finally {
            Products.setThreads(before);
        }
    }

    static void assertSameBits(List<DMatrixRMaj> a, List<DMatrixRMaj> b,
            String what) {
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < a.get(i).getNumElements(); k++) {
                assertEquals(Double.doubleToLongBits(a.get(i).data[k]),
                        Double.doubleToLongBits(b.get(i).data[k]),
                        what + ", matrix " + i + ", element " + k);
            }
        }
    }

    @Test
    void fusedAttentionIsTheSameOnAnyNumberOfThreads() {
        Random r = new Random(3);
        int[] lengths = new int[BATCH];
        for (int b = 0; b < BATCH; b++) {
            lengths[b] = 1 + r.nextInt(LENGTH);
        }
        Tensor mask = AttentionMask.causal(BATCH, LENGTH)
                .and(AttentionMask.padding(lengths, LENGTH, LENGTH))
                .tensor();
        List<DMatrixRMaj> qkv = List.of(
                RandomCases.values(r, BATCH * LENGTH, WIDTH),
                RandomCases.values(r, BATCH * LENGTH, WIDTH),
                RandomCases.values(r, BATCH * LENGTH, WIDTH));
        Function<List<Tensor>, Tensor> op = x -> new FusedAttention(BATCH,
                HEADS).apply(x.get(0), x.get(1), x.get(2), mask);
        List<DMatrixRMaj> one = run(1, qkv, op);
        for (int threads = 2; threads <= 3; threads++) {
            assertSameBits(one, run(threads, qkv, op),
                    "fused_attention, " + threads + " threads");
        }
    }

    @Test
    void aSentencesWorkIsItsTwoProductsPerHead() {
        // 2 sentences of T = 3 queries and S = 5 keys, H·D = 8 columns:
        // Q·Kᵀ and P·V, 3 · 5 · 8 multiply-adds each, per sentence
        FusedAttention op = new FusedAttention(2, 4);
        assertEquals(2 * 3 * 5 * 8, op.blockWork(new DMatrixRMaj(6, 8),
                new DMatrixRMaj(10, 8)));
    }
}
