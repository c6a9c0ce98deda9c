package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.scratchformer.bench.Workload;
import org.scratchformer.book.Listings;
import org.scratchformer.tensor.GemmKernel;
import org.scratchformer.tensor.PlainKernel;
import org.scratchformer.tensor.Products;

/**
 * Chapter 13's listings: the kernel against EJML and against the plain
 * kernel on awkward shapes ({@code fast-kernel-check.txt}), and where the
 * workload's arithmetic is ({@code fast-flops.txt}).
 */
class KernelExample {
    /** Chapter 13's kernel where this JVM can run it. */
    static final GemmKernel KERNEL = FastPath.hasVectorModule()
            ? new VectorKernel() : new PlainKernel();

    static final int[][] SHAPES = {{1, 1, 1}, {1, 300, 7}, {300, 1, 7},
        {5, 7, 1}, {13, 17, 19}, {6, 8, 128}, {97, 33, 129},
        {200, 130, 128}};

    @Test
    void kernelAgainstEjmlAndThePlainKernel() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "kernel: %s%n%-14s %-5s %-13s %s%n", KERNEL.name(),
                "m × n × k", "form", "max |Δ| EJML", "same bits as plain"));
        Random random = new Random(13);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(m, k, -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(k, n, -1, 1, random);
            DMatrixRMaj expected = CommonOps_DDRM.mult(a, b, null);
            DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
            DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
            String[] forms = {"A·B", "Aᵀ·B", "A·Bᵀ"};
            DMatrixRMaj[] results = products(a, b, at, bt);
            for (int f = 0; f < 3; f++) {
                boolean transA = f == 1;
                boolean transB = f == 2;
                double[] plain = new double[m * n];
                new PlainKernel().gemm(transA, transB, m, n, k,
                        transA ? at.data : a.data, 0, transA ? m : k,
                        transB ? bt.data : b.data, 0, transB ? k : n,
                        plain, 0, n, false);
                double diff = maxAbsDiff(expected.data, results[f].data);
                boolean same = Arrays.equals(plain, results[f].data);
                assertTrue(diff < 1e-12 && same, forms[f] + " " + m + "×"
                        + n + "×" + k);
                out.append(String.format(Locale.ROOT, "%-14s %-5s %-13.1e %s%n",
                        m + "×" + n + "×" + k, forms[f], diff, same));
            }
        }
        Listings.write("fast-kernel-check", out.toString());
    }

    /** A·B, Aᵀ·B and A·Bᵀ through Products, on KERNEL. */
    static DMatrixRMaj[] products(DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj at, DMatrixRMaj bt) {
        Products.use(KERNEL);
        try {
            return new DMatrixRMaj[] {Products.mult(a, b),
                Products.multTransA(at, b), Products.multTransB(a, bt)};
        } finally {
            Products.use(new PlainKernel());
        }
    }

    static double maxAbsDiff(double[] x, double[] y) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    @Test
    void theWorkloadsArithmetic() {
        int n = Workload.ROWS;
        int c = Workload.WIDTH;
        int f = Workload.HIDDEN;
        int v = Workload.VOCAB;
        long[][] products = {  // in, out, how many per step
            {c, c, 3L * Workload.BLOCKS}, {c, f, Workload.BLOCKS},
            {f, c, Workload.BLOCKS}, {c, v, 1}};
        String[] names = {"projections", "feed-forward in",
            "feed-forward out", "output"};
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-17s %-20s %5s %11s%n", "linear", "X·W", "count",
                "GFLOP/step"));
        long total = 0;
        for (int i = 0; i < products.length; i++) {
            long[] p = products[i];
            // forward X·W, backward dY·Wᵀ and Xᵀ·dY: 3 products, 2 flops each
            long flops = 3 * 2L * n * p[0] * p[1] * p[2];
            total += flops;
            out.append(String.format(Locale.ROOT, "%-17s %-20s %5d %11.3f%n",
                    names[i], "(" + n + "," + p[0] + ")·(" + p[0] + ","
                            + p[1] + ")", p[2], flops / 1e9));
        }
        out.append(String.format(Locale.ROOT, "%-17s %-20s %5s %11.3f%n",
                "total", "", "", total / 1e9));
        assertEquals(Workload.flopsPerStep(), total);
        Listings.write("fast-flops", out.toString());
    }
}
