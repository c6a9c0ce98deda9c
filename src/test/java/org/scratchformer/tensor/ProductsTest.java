package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Products against EJML on awkward shapes: 1×n, n×1, k = 1, empty, sizes
 * that are not a multiple of any tile, and blocks of bigger matrices.
 */
class ProductsTest {
    static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 31, 32,
        33, 63, 65, 100, 130};

    /** (seed, m, n, k): every edge size against a few others. */
    static Stream<Arguments> shapes() {
        Random random = new Random(13);
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int s : SIZES) {
            cases.add(Arguments.of(random.nextLong(), s, 1 + random.nextInt(
                    70), 1 + random.nextInt(70)));
            cases.add(Arguments.of(random.nextLong(), 1 + random.nextInt(70),
                    s, 1 + random.nextInt(70)));
            cases.add(Arguments.of(random.nextLong(), 1 + random.nextInt(70),
                    1 + random.nextInt(70), s));
        }
        cases.add(Arguments.of(1L, 1, 1, 1));
        cases.add(Arguments.of(2L, 1, 257, 1));
        cases.add(Arguments.of(3L, 257, 1, 300));
        // more than one block of columns (NC), rows (MC) and steps (KC)
        cases.add(Arguments.of(4L, 9, 530, 140));
        cases.add(Arguments.of(5L, 200, 33, 150));
        cases.add(Arguments.of(6L, 80, 20, 270));
        return cases.build();
    }

    static DMatrixRMaj random(Random random, int rows, int cols) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, random);
    }

    /** |x − y| ≤ tolerance · (1 + Σ|a||b|) for each element. */
    static void assertNear(DMatrixRMaj expected, DMatrixRMaj actual, int k,
            String what) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " cols");
        for (int i = 0; i < expected.getNumElements(); i++) {
            double e = expected.data[i];
            double a = actual.data[i];
            assertTrue(Math.abs(e - a) <= 1e-13 * (1 + k),
                    what + ": element " + i + " is " + a + ", EJML says " + e);
        }
    }

    @ParameterizedTest(name = "seed {0}: m {1}, n {2}, k {3}")
    @MethodSource("shapes")
    void allFourFormsAgreeWithEjmlAndWithThePlainKernelsBits(long seed,
            int m, int n, int k) {
        Random random = new Random(seed);
        DMatrixRMaj a = random(random, m, k);
        DMatrixRMaj b = random(random, k, n);
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        DMatrixRMaj expected = CommonOps_DDRM.mult(a, b, null);
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                String form = (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ"
                        : "B") + " with " + Products.kernel().name();
                DMatrixRMaj left = transA ? at : a;
                DMatrixRMaj right = transB ? bt : b;
                DMatrixRMaj used = new DMatrixRMaj(m, n);
                double[] plain = new double[m * n];
                Products.gemm(transA, transB, m, n, k,
                        left.data, 0, left.numCols, right.data, 0,
                        right.numCols, used.data, 0, n, false);
                new PlainKernel().gemm(transA, transB, m, n, k,
                        left.data, 0, left.numCols, right.data, 0,
                        right.numCols, plain, 0, n, false);
                assertNear(expected, used, k, form);
                assertArrayEquals(plain, used.data, 0.0, form);
            }
        }
        assertNear(expected, Products.mult(a, b), k, "mult");
        assertNear(expected, Products.multTransA(at, b), k, "multTransA");
        assertNear(expected, Products.multTransB(a, bt), k, "multTransB");
    }

    @Test
    void aBlockOfABiggerMatrixIsMultipliedInPlaceAndAccumulated() {
        Random random = new Random(7);
        // A is rows 2..6, columns 3..8 of a (9, 11); Bᵀ rows 1..4 of (6, 13)
        DMatrixRMaj big = random(random, 9, 11);
        DMatrixRMaj other = random(random, 6, 13);
        DMatrixRMaj a = CommonOps_DDRM.extract(big, 2, 7, 3, 9);   // (5, 6)
        DMatrixRMaj b = CommonOps_DDRM.extract(other, 1, 5, 0, 6); // (4, 6)
        DMatrixRMaj c = random(random, 8, 10);
        DMatrixRMaj expected = c.copy();
        DMatrixRMaj product = CommonOps_DDRM.multTransB(a, b, null);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                expected.add(1 + i, 2 + j, product.get(i, j));
            }
        }
        // C rows 1..5, columns 2..5 += A · Bᵀ
        Products.gemm(false, true, 5, 4, 6, big.data, 2 * 11 + 3, 11,
                other.data, 13, 13, c.data, 10 + 2, 10, true);
        assertNear(expected, c, 6, "block");
    }



    @Test
    void mismatchedInnerSizesAreNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Products.mult(new DMatrixRMaj(2, 3),
                        new DMatrixRMaj(4, 5)));
        assertEquals("Products: cannot compute A·B for A (2x3) and B (4x5):"
                + " inner sizes 3 and 4 differ", e.getMessage());
    }

    @Test
    void aBlockOutsideItsArrayIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Products.gemm(false, false, 2, 2, 2, new double[3], 0,
                        2, new double[4], 0, 2, new double[4], 0, 2, false));
        assertTrue(e.getMessage().contains("A block (2x2)"), e.getMessage());
    }

    @Test
    void emptyInnerSizeGivesZerosOrLeavesCUntouched() {
        double[] c = {1, 2, 3, 4};
        Products.gemm(false, false, 2, 2, 0, new double[0], 0, 0,
                new double[0], 0, 2, c, 0, 2, true);
        assertArrayEquals(new double[] {1, 2, 3, 4}, c, 0.0);
        Products.gemm(false, false, 2, 2, 0, new double[0], 0, 0,
                new double[0], 0, 2, c, 0, 2, false);
        assertArrayEquals(new double[4], c, 0.0);
    }

    @Test
    void everyFormNamesMismatchedInnerSizes() {
        assertEquals("Products: cannot compute Aᵀ·B for A (3x2) and B (4x5):"
                + " inner sizes 3 and 4 differ", assertThrows(
                        IllegalArgumentException.class,
                        () -> Products.multTransA(new DMatrixRMaj(3, 2),
                                new DMatrixRMaj(4, 5))).getMessage());
        assertEquals("Products: cannot compute A·Bᵀ for A (2x3) and B (5x4):"
                + " inner sizes 3 and 4 differ", assertThrows(
                        IllegalArgumentException.class,
                        () -> Products.multTransB(new DMatrixRMaj(2, 3),
                                new DMatrixRMaj(5, 4))).getMessage());
    }

    static String gemmFails(int ldb, int bLength, int ldc, int cLength) {
        return assertThrows(IllegalArgumentException.class,
                () -> Products.gemm(false, false, 2, 2, 2, new double[4], 0,
                        2, new double[bLength], 0, ldb, new double[cLength],
                        0, ldc, false)).getMessage();
    }

    @Test
    void everyBlockIsCheckedAndNamed() {
        assertEquals("Products.gemm: B block (2x2) at offset 0 with leading"
                + " dimension 2 needs 4 elements; the array has 3",
                gemmFails(2, 3, 2, 4));
        assertEquals("Products.gemm: C block (2x2) at offset 0 with leading"
                + " dimension 2 needs 4 elements; the array has 3",
                gemmFails(2, 4, 2, 3));
        assertEquals("Products.gemm: C block (2x2) at offset 0 with leading"
                + " dimension 1 is not a valid block", gemmFails(2, 4, 1, 4));
    }

    @Test
    void oneRowNeedsNoLeadingDimension() {
        // a (1, 3) C with leading dimension 0: its one row is all there is
        double[] c = new double[3];
        Products.gemm(false, false, 1, 3, 1, new double[] {2}, 0, 1,
                new double[] {1, 2, 3}, 0, 3, c, 0, 0, false);
        assertArrayEquals(new double[] {2, 4, 6}, c, 0.0);
    }





    @Test
    void everyProductRunsOnTheKernelInUse() {
        assertEquals("plain", new PlainKernel().name());
        GemmKernel before = Products.kernel();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Products.use(null));
        assertEquals("Products.use: the kernel must not be null; new"
                + " PlainKernel() is the plain one", e.getMessage());
        assertSame(before, Products.kernel(), "unchanged");
        GemmKernel counting = new GemmKernel() {
            @Override
            public String name() {
                return "another";
            }

            @Override
            public void gemm(boolean transA, boolean transB, int m, int n,
                    int k, double[] a, int aOffset, int lda, double[] b,
                    int bOffset, int ldb, double[] c, int cOffset, int ldc,
                    boolean accumulate) {
                c[cOffset] = 42;  // not a product: shows who ran it
            }
        };
        Products.use(counting);
        try {
            assertEquals(42, Products.mult(new DMatrixRMaj(1, 1),
                    new DMatrixRMaj(1, 1)).get(0), "every product runs on it");
            assertSame(counting, Products.kernel());
        } finally {
            Products.use(before);
        }
    }
}
