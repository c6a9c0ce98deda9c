package org.scratchformer.tensor;

/**
 * A single-threaded matrix-product kernel over row-major arrays:
 * <pre>C (m, n) = op(A) (m, k) · op(B) (k, n)   (or C += when accumulating)</pre>
 * where op(A) is A or Aᵀ and op(B) is B or Bᵀ, read through strides, never
 * copied transposed. Element (i, p) of op(A) is {@code a[aOffset + i·lda +
 * p]}, or {@code a[aOffset + p·lda + i]} when {@code transA}; the same for B
 * and C.
 *
 * <p>The contract that makes every kernel give the same bits: each element
 * of C is one chain of fused multiply-adds, {@code c = fma(a_ip, b_pj, c)}
 * for p = 0, 1, ..., k−1, starting from 0 (or from C when accumulating).
 * Blocking, tiling, vectors and threads may change the order in which
 * elements are computed, never the order of the terms of one element.
 *
 * <p>{@link PlainKernel} is the plain-Java kernel; chapter 13's Vector API
 * kernel is another, found by {@link Products} through
 * {@code META-INF/services/org.scratchformer.tensor.GemmKernel}.
 */
// tag::kernel[]
public interface GemmKernel {
    /** A short name for reports: "plain", "vector 512-bit". */
    String name();

    /** C (m, n) (+)= op(A) (m, k) · op(B) (k, n); A and B are not modified. */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double[] c, int cOffset, int ldc, boolean accumulate);
}
// end::kernel[]
