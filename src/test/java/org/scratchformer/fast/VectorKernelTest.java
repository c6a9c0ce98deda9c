package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.PlainKernel;

/**
 * The Vector API kernel gives the plain kernel's bits on C of every shape:
 * past one block in each direction, inside a larger matrix (offsets and
 * leading dimensions), overwriting or adding to what C holds.
 */
class VectorKernelTest {
    // m × n × k: past MC = 72 rows, NC = 512 columns, KC = 256 inner steps,
    // with edge tiles; one big enough to leave the plain kernel; and small
    // ones without packing (attention's blocks: rows in fours and not,
    // two vectors, one, and columns left over through a padded vector,
    // also for a k that outgrows the first scratch); tiny ones
    static final int[][] SHAPES = {{7, 600, 3}, {100, 20, 260},
        {13, 530, 259}, {6, 16, 22}, {150, 9, 40}, {12, 12, 32},
        {13, 32, 14}, {9, 7, 40}, {4, 8, 64}, {3, 13, 55}, {33, 30, 32},
        {2, 3, 5000}, {4, 1, 5000}, {5, 6, 40}, {3, 3, 8}, {1, 2, 31}};

    @Test
    void everyFormOverwritesOrAddsToCAsThePlainKernelDoes() {
        Random random = new Random(17);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int form = 0; form < 8; form++) {
                boolean transA = (form & 1) != 0;
                boolean transB = (form & 2) != 0;
                boolean accumulate = (form & 4) != 0;
                // stored (rows, cols) with 3 more columns and an offset of 5
                int lda = (transA ? m : k) + 3;
                int ldb = (transB ? k : n) + 3;
                int ldc = n + 3;
                double[] a = values(5 + (transA ? k : m) * lda, random);
                double[] b = values(5 + (transB ? n : k) * ldb, random);
                double[] c = values(5 + m * ldc + 4, random);  // not zeros
                double[] expected = c.clone();
                new PlainKernel().gemm(transA, transB, m, n, k, a, 5, lda,
                        b, 5, ldb, expected, 5, ldc, accumulate);
                new VectorKernel().gemm(transA, transB, m, n, k, a, 5, lda,
                        b, 5, ldb, c, 5, ldc, accumulate);
                assertArrayEquals(expected, c, m + "×" + n + "×" + k
                        + " form " + form);
            }
        }
    }

    @Test
    void aHeldBIsPackedOnceForEveryCallUntilReleased() {
        Random random = new Random(23);
        // packed products: past KC = 256 inner steps, NC = 512 columns
        int[][] shapes = {{100, 20, 260}, {13, 530, 259}, {150, 9, 40}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (boolean transB : new boolean[] {false, true}) {
                int ldb = (transB ? k : n) + 3;
                double[] a = values(m * k, random);
                double[] b = values(5 + (transB ? n : k) * ldb, random);
                KernelCache cache = new KernelCache();
                cache.hold(List.of(DMatrixRMaj.wrap(1, b.length, b)));
                double[] before = product(transB, m, n, k, a, b, ldb, cache);
                assertArrayEquals(plain(transB, m, n, k, a, b, ldb), before);
                assertArrayEquals(before,
                        product(transB, m, n, k, a, b, ldb, cache));
                for (int i = 0; i < b.length; i++) {
                    b[i] += 1;  // a broken promise: B changed while held
                }
                assertArrayEquals(before,
                        product(transB, m, n, k, a, b, ldb, cache),
                        "the panels packed before the change, kept");
                cache.release();
                assertArrayEquals(plain(transB, m, n, k, a, b, ldb),
                        product(transB, m, n, k, a, b, ldb, cache),
                        "released: packed again");
            }
        }
    }

    /** op(A)·op(B) by the vector kernel on a thread using {@code cache}. */
    static double[] product(boolean transB, int m, int n, int k, double[] a,
            double[] b, int ldb, KernelCache cache) {
        double[] c = new double[m * n];
        cache.during(() -> new VectorKernel().gemm(false, transB, m, n, k,
                a, 0, k, b, 5, ldb, c, 0, n, false));
        return c;
    }

    static double[] plain(boolean transB, int m, int n, int k, double[] a,
            double[] b, int ldb) {
        double[] c = new double[m * n];
        new PlainKernel().gemm(false, transB, m, n, k, a, 0, k, b, 5, ldb,
                c, 0, n, false);
        return c;
    }

    static double[] values(int count, Random random) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = random.nextDouble() * 2 - 1;
        }
        return v;
    }

    @Test
    void itIsNamedByItsVectorWidth() {
        String name = new VectorKernel().name();
        assertTrue(name.matches("vector (64|128|256|512)-bit"), name);
    }

    /** A buffer that has held something else: NaN everywhere. */
    static double[] used(int size) {
        double[] buffer = new double[size];
        Arrays.fill(buffer, Double.NaN);
        return buffer;
    }

    @Test
    void packingLaysOutStripsAsTheTileReadsThemPaddedWithZeros() {
        int mr = VectorKernel.MR;
        int nr = VectorKernel.NR;
        int kc = 3;
        int m = mr + 2;   // a full strip of A, then one of 2 rows
        int n = nr + 3;   // a full strip of B, then one of 3 columns
        Random random = new Random(5);
        double[][] opA = new double[m][kc];
        double[][] opB = new double[kc][n];
        for (double[] row : opA) {
            Arrays.setAll(row, i -> random.nextDouble());
        }
        for (double[] row : opB) {
            Arrays.setAll(row, i -> random.nextDouble());
        }
        for (boolean trans : new boolean[] {false, true}) {
            // op(A) stored as A (m, kc) or as Aᵀ (kc, m), from offset 1
            double[] a = new double[1 + m * kc];
            double[] b = new double[1 + kc * n];
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < kc; p++) {
                    a[1 + (trans ? p * m + i : i * kc + p)] = opA[i][p];
                }
            }
            for (int p = 0; p < kc; p++) {
                for (int j = 0; j < n; j++) {
                    b[1 + (trans ? j * kc + p : p * n + j)] = opB[p][j];
                }
            }
            double[] packedA = used(3 * mr * kc);
            VectorKernel.packA(trans, a, 1, trans ? m : kc, 0, m, 0, kc,
                    packedA);
            double[] packedB = used(3 * nr * kc);
            VectorKernel.packB(trans, b, 1, trans ? kc : n, 0, kc, 0, n,
                    packedB, 0);
            for (int strip = 0; strip < 2; strip++) {
                for (int p = 0; p < kc; p++) {
                    for (int r = 0; r < mr; r++) {  // strip: column by column
                        int i = strip * mr + r;
                        assertEquals(i < m ? opA[i][p] : 0.0,
                                packedA[strip * mr * kc + p * mr + r],
                                "A row " + i + ", p " + p + ", trans " + trans);
                    }
                    for (int c = 0; c < nr; c++) {  // strip: row by row
                        int j = strip * nr + c;
                        assertEquals(j < n ? opB[p][j] : 0.0,
                                packedB[strip * nr * kc + p * nr + c],
                                "B column " + j + ", p " + p + ", trans "
                                + trans);
                    }
                }
            }
            assertTrue(Double.isNaN(packedA[2 * mr * kc]), "past the strips");
            assertTrue(Double.isNaN(packedB[2 * nr * kc]), "past the strips");
        }
    }
}
