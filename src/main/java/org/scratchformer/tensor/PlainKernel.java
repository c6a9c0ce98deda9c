package org.scratchformer.tensor;

import java.util.Arrays;

/**
 * The plain-Java matrix product: the reference every faster kernel must
 * match bit for bit, and the one used when the Vector API module is absent.
 *
 * <p>Each element of C is one chain of {@code Math.fma} over p = 0..k−1
 * (see {@link GemmKernel}). The loops are ordered so the innermost one walks
 * memory with stride 1 where it can: i-p-j (a row of B at a time) when B is
 * not transposed, a dot product over p (a row of A against a row of B) when
 * it is.
 */
public final class PlainKernel implements GemmKernel {
    @Override
    public String name() {
        return "plain";
    }

    // tag::plain[]
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double[] c, int cOffset, int ldc, boolean accumulate) {
        int aRow = transA ? 1 : lda;   // step from op(A)[i][p] to [i+1][p]
        int aCol = transA ? lda : 1;   // step from op(A)[i][p] to [i][p+1]
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            if (!accumulate) {
                Arrays.fill(c, ci, ci + n, 0.0);
            }
            int ai = aOffset + i * aRow;
            if (transB) {
                // c_ij = Σ_p a_ip · b_jp: row i of op(A) against row j of B
                for (int j = 0; j < n; j++) {
                    double sum = c[ci + j];
                    int bj = bOffset + j * ldb;
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(a[ai + p * aCol], b[bj + p], sum);
                    }
                    c[ci + j] = sum;
                }
            } else {
                // row i of C += a_ip · row p of B, for p = 0, 1, ...
                for (int p = 0; p < k; p++) {
                    double aip = a[ai + p * aCol];
                    int bp = bOffset + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                    }
                }
            }
        }
    }
    // end::plain[]
}
