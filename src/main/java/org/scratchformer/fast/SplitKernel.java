package org.scratchformer.fast;

import org.scratchformer.tensor.GemmKernel;

/**
 * A kernel that splits a large product into blocks of rows or columns of C
 * over the {@link Workers}' threads, each block computed by another kernel.
 * Each element of C is still one chain of fused multiply-adds in a fixed
 * order, so the bits do not depend on the number of threads. Inside a task
 * of the workers (a micro-batch), products run whole on their thread.
 */
public final class SplitKernel implements GemmKernel {
    /** Below this many multiply-adds per thread a product stays on one. */
    static final long MIN_WORK_PER_THREAD = 1L << 18;

    private final GemmKernel kernel;
    private final Workers workers;

    public SplitKernel(GemmKernel kernel, Workers workers) {
        this.kernel = kernel;
        this.workers = workers;
    }

    @Override
    public String name() {
        return kernel.name();
    }

    // tag::split[]
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double[] c, int cOffset, int ldc, boolean accumulate) {
        int parts = parts(m, n, k);
        if (parts == 1) {
            kernel.gemm(transA, transB, m, n, k, a, aOffset, lda,
                    b, bOffset, ldb, c, cOffset, ldc, accumulate);
        } else if (m >= n) {  // rows lo..hi of C: rows of op(A)
            workers.blocks(m, parts, (lo, hi) -> kernel.gemm(transA, transB,
                    hi - lo, n, k, a, aOffset + lo * (transA ? 1 : lda), lda,
                    b, bOffset, ldb, c, cOffset + lo * ldc, ldc, accumulate));
        } else {              // columns lo..hi of C: columns of op(B)
            workers.blocks(n, parts, (lo, hi) -> kernel.gemm(transA, transB,
                    m, hi - lo, k, a, aOffset, lda,
                    b, bOffset + lo * (transB ? ldb : 1), ldb,
                    c, cOffset + lo, ldc, accumulate));
        }
    }
    // end::split[]

    /** How many blocks to split C into: 1 for a small product or alone. */
    int parts(int m, int n, int k) {
        if (workers.alone()) {
            return 1;
        }
        long work = (long) m * n * Math.max(k, 1);
        long limit = Math.max(m, n) / 8;
        return (int) Math.max(1, Math.min(workers.threads(), Math.min(
                work / MIN_WORK_PER_THREAD, limit)));
    }
}
