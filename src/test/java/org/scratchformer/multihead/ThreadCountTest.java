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
import org.scratchformer.tensor.GemmKernel;
import org.scratchformer.tensor.PlainKernel;
import org.scratchformer.tensor.Products;
import org.scratchformer.tensor.Tensor;

/**
 * Fused attention gives the same bits whatever kernel runs its products:
 * the plain one, or one that splits each product over threads (as chapter
 * 13's does), value and every gradient, at a size large enough to split.
 */
class ThreadCountTest {
    static final int BATCH = 64;
    static final int LENGTH = 16;
    static final int WIDTH = 64;
    static final int HEADS = 4;

    /** Y and every input's gradient, for dY drawn from the seed. */
    static List<DMatrixRMaj> run(int threads, List<DMatrixRMaj> values,
            Function<List<Tensor>, Tensor> op) {
        Products.use(new SplitRows(threads));
        try {
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
            Products.use(new PlainKernel());
        }
    }

    /**
     * The plain kernel on {@code parts} blocks of C's rows, one after
     * another: what a kernel that splits a product over threads computes.
     */
    record SplitRows(int parts) implements GemmKernel {
        @Override
        public String name() {
            return "plain, " + parts + " row blocks";
        }

        @Override
        public void gemm(boolean transA, boolean transB, int m, int n,
                int k, double[] a, int aOffset, int lda, double[] b,
                int bOffset, int ldb, double[] c, int cOffset, int ldc,
                boolean accumulate) {
            int step = (m + parts - 1) / parts;
            for (int lo = 0; lo < m; lo += step) {
                int rows = Math.min(step, m - lo);
                new PlainKernel().gemm(transA, transB, rows, n, k, a,
                        aOffset + lo * (transA ? 1 : lda), lda, b, bOffset,
                        ldb, c, cOffset + lo * ldc, ldc, accumulate);
            }
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
                    "fused_attention, " + threads + " row blocks");
        }
    }
}
