package org.scratchformer.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * Every matrix product the engine runs: A·B, Aᵀ·B and A·Bᵀ without
 * transposed copies, and a strided block form for products over row and
 * column blocks of bigger matrices (heads, sequences of a batch).
 *
 * <p>This class states the product and checks its shapes; the work is
 * done by the installed {@link GemmKernel}, the plain-Java
 * {@link PlainKernel} unless a faster one was installed with {@link #use}
 * (chapter 13 installs its own). Every kernel gives the same bits.
 */
public final class Products {
    private static volatile GemmKernel kernel = new PlainKernel();

    private Products() {
    }

    // tag::entry-points[]
    /** C (m, n) = A (m, k) · B (k, n), a new matrix. */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        requireInner("A·B", a.numCols, b.numRows, a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        gemm(false, false, a.numRows, b.numCols, a.numCols,
                a.data, 0, a.numCols, b.data, 0, b.numCols,
                c.data, 0, c.numCols, true);  // C is new, all zeros: add
        return c;
    }

    /** C (m, n) = Aᵀ (m, k) · B (k, n), A stored (k, m); a new matrix. */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        requireInner("Aᵀ·B", a.numRows, b.numRows, a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
        gemm(true, false, a.numCols, b.numCols, a.numRows,
                a.data, 0, a.numCols, b.data, 0, b.numCols,
                c.data, 0, c.numCols, true);  // C is new, all zeros: add
        return c;
    }

    /** C (m, n) = A (m, k) · Bᵀ (k, n), B stored (n, k); a new matrix. */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        requireInner("A·Bᵀ", a.numCols, b.numCols, a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
        gemm(false, true, a.numRows, b.numRows, a.numCols,
                a.data, 0, a.numCols, b.data, 0, b.numCols,
                c.data, 0, c.numCols, true);  // C is new, all zeros: add
        return c;
    }
    // end::entry-points[]

    // tag::gemm[]
    /**
     * C (m, n) = op(A) (m, k) · op(B) (k, n), or C += op(A)·op(B) when
     * {@code accumulate}; row-major with leading dimensions (the distance
     * between the starts of two stored rows). op(A) is Aᵀ when
     * {@code transA}: A is then stored (k, m). C must not overlap A or B.
     */
    public static void gemm(boolean transA, boolean transB,
            int m, int n, int k,
            double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double[] c, int cOffset, int ldc, boolean accumulate) {
        checkBlock("A", a, aOffset, lda, transA ? k : m, transA ? m : k);
        checkBlock("B", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        checkBlock("C", c, cOffset, ldc, m, n);
        if (m > 0 && n > 0) {
            kernel.gemm(transA, transB, m, n, k, a, aOffset, lda,
                    b, bOffset, ldb, c, cOffset, ldc, accumulate);
        }
    }
    // end::gemm[]

    // tag::use[]
    /** The kernel every product runs on. */
    public static GemmKernel kernel() {
        return kernel;
    }

    /**
     * Makes {@code faster} the kernel of every product from now on. It must
     * keep {@link GemmKernel}'s contract, and so give the same bits as
     * {@link PlainKernel}; its tests must hold it to that.
     */
    public static void use(GemmKernel faster) {
        if (faster == null) {
            throw new IllegalArgumentException("Products.use: the kernel"
                    + " must not be null; new PlainKernel() is the plain"
                    + " one");
        }
        kernel = faster;
    }
    // end::use[]

    private static void requireInner(String product, int left, int right,
            DMatrixRMaj a, DMatrixRMaj b) {
        if (left != right) {
            throw new IllegalArgumentException("Products: cannot compute "
                    + product + " for A " + Shapes.of(a) + " and B "
                    + Shapes.of(b) + ": inner sizes " + left + " and "
                    + right + " differ");
        }
    }

    /** A (rows, cols) block at offset with leading dimension ld fits. */
    private static void checkBlock(String name, double[] data, int offset,
            int ld, int rows, int cols) {
        if (rows < 0 || cols < 0 || offset < 0 || (rows > 1 && ld < cols)) {
            throw new IllegalArgumentException("Products.gemm: " + name
                    + " block " + Shapes.of(rows, cols) + " at offset "
                    + offset + " with leading dimension " + ld
                    + " is not a valid block");
        }
        long last = rows == 0 || cols == 0 ? offset
                : offset + (long) (rows - 1) * ld + cols;
        if (last > data.length) {
            throw new IllegalArgumentException("Products.gemm: " + name
                    + " block " + Shapes.of(rows, cols) + " at offset "
                    + offset + " with leading dimension " + ld
                    + " needs " + last + " elements; the array has "
                    + data.length);
        }
    }
}
