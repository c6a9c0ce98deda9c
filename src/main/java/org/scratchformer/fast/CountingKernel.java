package org.scratchformer.fast;

import java.util.concurrent.atomic.LongAdder;
import org.scratchformer.tensor.GemmKernel;

/**
 * A kernel that counts the floating-point operations of every product,
 * 2·m·n·k (one multiply and one add per term), and hands the product on:
 * the {@code bench} command reads the count before and after a step to
 * report the rate the products achieved, whatever the model.
 */
public final class CountingKernel implements GemmKernel {
    private final GemmKernel kernel;
    /** A LongAdder: one cheap add per call, from any number of threads. */
    private final LongAdder flops = new LongAdder();

    public CountingKernel(GemmKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return kernel.name();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double[] c, int cOffset, int ldc, boolean accumulate) {
        flops.add(2L * m * n * k);
        kernel.gemm(transA, transB, m, n, k, a, aOffset, lda,
                b, bOffset, ldb, c, cOffset, ldc, accumulate);
    }

    /** The kernel whose products this one counts. */
    public GemmKernel counted() {
        return kernel;
    }

    /** Floating-point operations of every product so far. */
    public long flops() {
        return flops.sum();
    }
}
