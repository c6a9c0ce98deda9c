package org.scratchformer.attention;

import org.scratchformer.tensor.Products;

/**
 * C += op(A)·op(B) on blocks of larger row-major arrays: the one loop
 * nest behind every batched product of this chapter.
 *
 * <p>A block is found by its offset (the index of its first element) and
 * the row length of the matrix it sits in ({@code lda}): element (i, j) of
 * the block is {@code a[aOffset + i·lda + j]}. That is how a sequence's
 * rows and a head's columns are read in place, without copies (as llm.c
 * writes {@code inp + b*T*C3 + t*C3 + h*hs}).
 */
public final class BlockProducts {
    private BlockProducts() {
    }

    /**
     * C (m, n) += op(A) (m, k) · op(B) (k, n), where op(A) is A or Aᵀ as
     * {@code transA} says (likewise B). C's block is modified; A and B are
     * only read. It computes what {@link #multiplyAddByLoops} shows, on
     * the kernel {@link Products} runs.
     */
    public static void multiplyAdd(boolean transA, boolean transB, int m,
            int n, int k, double[] a, int aOffset, int lda, double[] b,
            int bOffset, int ldb, double[] c, int cOffset, int ldc) {
        Products.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset,
                ldb, c, cOffset, ldc, true);
    }

    // tag::gemm[]
    /** {@link #multiplyAdd} as three plain loops: what it computes. */
    static void multiplyAddByLoops(boolean transA, boolean transB, int m,
            int n, int k, double[] a, int aOffset, int lda, double[] b,
            int bOffset, int ldb, double[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                // op(A)[i, p]
                double aip = transA ? a[aOffset + p * lda + i]
                        : a[aOffset + i * lda + p];
                int cRow = cOffset + i * ldc;
                for (int j = 0; j < n; j++) {
                    // C[i, j] += op(A)[i, p] · op(B)[p, j]
                    double bpj = transB ? b[bOffset + j * ldb + p]
                            : b[bOffset + p * ldb + j];
                    c[cRow + j] += aip * bpj;
                }
            }
        }
    }
    // end::gemm[]
}
