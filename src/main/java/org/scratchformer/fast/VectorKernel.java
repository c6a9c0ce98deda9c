package org.scratchformer.fast;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.scratchformer.tensor.GemmKernel;
import org.scratchformer.tensor.PlainKernel;

/**
 * The matrix product with the Vector API: cache blocks, packed panels and
 * a register tile of 6 rows by two vectors (6×8 with AVX2's 256-bit
 * vectors, 6×16 with AVX-512): 12 accumulators, two vectors of B and a
 * broadcast element of A fit AVX2's 16 vector registers.
 *
 * <p>Loop order (as in BLIS and OpenBLAS): for each block of KC steps of
 * the inner dimension, pack that slice of op(B) into column strips NR wide
 * and, for each block of MC rows, that slice of op(A) into row strips MR
 * high; then every MR×NR tile of C gets KC fused multiply-adds of a
 * broadcast element of A times a vector of B. Packing reads A and B through
 * their strides once, so Aᵀ and Bᵀ cost the same as A and B, and the
 * innermost loop reads both packed strips with stride 1. Strips are padded
 * with zeros: a tile at the edge of C is computed in full in a scratch tile
 * and only its valid part copied back.
 *
 * <p>Small products (up to {@value #UNPACKED} multiply-adds: attention's
 * blocks per sentence and head) skip packing: C is computed four rows at a
 * time from A and B where they are; the columns after the last whole
 * vector go through one more vector, zero-padded in scratch.
 *
 * <p>Each element of C is still one chain of FMAs over p = 0..k−1, the
 * order {@link PlainKernel} uses: the two give the same bits.
 */
public final class VectorKernel implements GemmKernel {
    // tag::tile-sizes[]
    static final VectorSpecies<Double> SPECIES =
            DoubleVector.SPECIES_PREFERRED;     // the widest the CPU has
    static final int LANES = SPECIES.length();  // 4 doubles with AVX2
    static final int MR = 6;                    // rows of the register tile
    static final int NR = 2 * LANES;            // columns: two vectors
    static final int KC = 256;   // inner steps per block: a B strip in L1
    static final int MC = 72;    // rows per block: packed A in L2
    static final int NC = 512;   // columns per block: packed B in L2
    // end::tile-sizes[]
    /** Below this many multiply-adds, the plain kernel's loops win. */
    static final int SMALL = 64;
    /**
     * Up to this many multiply-adds (attention's blocks per sentence and
     * head), C is computed from A and B where they are, without packing.
     */
    static final int UNPACKED = 32768;
    /**
     * Where a fresh tile's accumulators start: +0.0, the value C would
     * hold after filling it with zeros, so the bits are the same without
     * reading C or writing it twice. (An array rather than a zero vector:
     * a choice between two vectors makes the JIT box them, a choice
     * between two arrays costs nothing.) One row of a tile, read for
     * every row; never written.
     */
    private static final double[] ZEROS = new double[NR];

    private static final ThreadLocal<Buffers> BUFFERS =
            ThreadLocal.withInitial(Buffers::new);

    private final PlainKernel plain = new PlainKernel();

    /** Packed panels and a scratch tile, one set per thread, reused. */
    private static final class Buffers {
        final double[] packedA = new double[MC * KC];
        final double[] packedB = new double[KC * NC];  // NR divides NC
        final double[] tile = new double[MR * NR];
        /** A small product's last columns of op(B), k rows of LANES. */
        private double[] tail = new double[KC * LANES];

        double[] tail(int length) {
            if (tail.length < length) {  // a long k: grown once, kept
                tail = new double[length];
            }
            return tail;
        }
    }

    @Override
    public String name() {
        return "vector " + SPECIES.vectorBitSize() + "-bit";
    }

    // tag::blocks[]
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double[] c, int cOffset, int ldc, boolean accumulate) {
        if ((long) m * n * k < SMALL) {  // k = 0 too: C = 0 or unchanged
            plain.gemm(transA, transB, m, n, k, a, aOffset, lda,
                    b, bOffset, ldb, c, cOffset, ldc, accumulate);
            return;
        }
        Buffers buffers = BUFFERS.get();
        if ((long) m * n * k <= UNPACKED) {
            unpacked(transA, transB, m, n, k, a, aOffset, lda,
                    b, bOffset, ldb, c, cOffset, ldc, !accumulate, buffers);
            return;
        }
        double[] kept = keptPanels(transB, n, k, b, bOffset, ldb);
        int at = 0;  // where the (jc, pc) panels start in kept
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                double[] pb = kept;
                int pbAt = at;
                if (kept == null) {  // packed here, for this call only
                    pb = buffers.packedB;
                    pbAt = 0;
                    packB(transB, b, bOffset, ldb, pc, kc, jc, nc, pb, 0);
                }
                at += kc * padded(nc);
                // C = 0 + the first block's products: C is not read
                boolean fresh = !accumulate && pc == 0;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(transA, a, aOffset, lda, ic, mc, pc, kc,
                            buffers.packedA);
                    tiles(buffers, pb, pbAt, kc, mc, nc,
                            c, cOffset + ic * ldc + jc, ldc, fresh);
                }
            }
        }
    }
    // end::blocks[]

    // tag::kept[]
    /** Which B a kept set of panels is for. */
    private record PanelsOf(double[] b, boolean transB, int bOffset,
            int ldb, int k, int n) {
    }

    /**
     * Every (jc, pc) panel of op(B), in the order gemm reads them, kept
     * by the thread's {@link KernelCache} if B is one of its fixed
     * matrices (a weight, during a training step's micro-batches); else null.
     */
    private static double[] keptPanels(boolean transB, int n, int k,
            double[] b, int bOffset, int ldb) {
        KernelCache cache = KernelCache.current();
        if (cache == null || !cache.holds(b)) {
            return null;
        }
        // NR divides NC: the blocks' padded widths add up to padded(n)
        return cache.get(new PanelsOf(b, transB, bOffset, ldb, k, n),
                k * padded(n), panels -> {
                    int at = 0;
                    for (int jc = 0; jc < n; jc += NC) {
                        int nc = Math.min(NC, n - jc);
                        for (int pc = 0; pc < k; pc += KC) {
                            int kc = Math.min(KC, k - pc);
                            packB(transB, b, bOffset, ldb, pc, kc, jc, nc,
                                    panels, at);
                            at += kc * padded(nc);
                        }
                    }
                });
    }
    // end::kept[]

    /** nc rounded up to whole strips of NR columns. */
    private static int padded(int nc) {
        return (nc + NR - 1) / NR * NR;
    }

    /**
     * Every MR×NR tile of the (mc, nc) block of C at cBase, added to C or,
     * if {@code fresh}, to zeros (C's old values are not read).
     */
    private static void tiles(Buffers buffers, double[] pb, int pbAt,
            int kc, int mc, int nc, double[] c, int cBase, int ldc,
            boolean fresh) {
        for (int jr = 0; jr < nc; jr += NR) {
            int bBase = pbAt + jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int aBase = ir * kc;
                int ci = cBase + ir * ldc + jr;
                int rows = Math.min(MR, mc - ir);
                int cols = Math.min(NR, nc - jr);
                if (rows == MR && cols == NR) {
                    tile(buffers.packedA, aBase, pb, bBase, kc, c, ci,
                            ldc, fresh);
                } else {
                    edgeTile(buffers, pb, aBase, bBase, kc, c, ci, ldc,
                            rows, cols, fresh);
                }
            }
        }
    }

    // tag::tile[]
    /**
     * C[0..6)[0..NR) += A strip (kc, 6) · B strip (kc, NR), packed; from
     * zeros instead of C if {@code fresh}.
     */
    private static void tile(double[] pa, int aBase, double[] pb, int bBase,
            int kc, double[] c, int c0, int ldc, boolean fresh) {
        double[] s = fresh ? ZEROS : c;  // where the accumulators start
        int s0 = fresh ? 0 : c0;
        int lds = fresh ? 0 : ldc;
        DoubleVector c00 = load(s, s0);
        DoubleVector c01 = load(s, s0 + LANES);
        DoubleVector c10 = load(s, s0 + lds);
        DoubleVector c11 = load(s, s0 + lds + LANES);
        DoubleVector c20 = load(s, s0 + 2 * lds);
        DoubleVector c21 = load(s, s0 + 2 * lds + LANES);
        DoubleVector c30 = load(s, s0 + 3 * lds);
        DoubleVector c31 = load(s, s0 + 3 * lds + LANES);
        DoubleVector c40 = load(s, s0 + 4 * lds);
        DoubleVector c41 = load(s, s0 + 4 * lds + LANES);
        DoubleVector c50 = load(s, s0 + 5 * lds);
        DoubleVector c51 = load(s, s0 + 5 * lds + LANES);
        // tag::tile-loop[]
        for (int p = 0; p < kc; p++) {
            int bp = bBase + p * NR;  // row p of the B strip: NR values
            DoubleVector b0 = load(pb, bp);
            DoubleVector b1 = load(pb, bp + LANES);
            int ap = aBase + p * MR;  // column p of the A strip: MR values
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, pa[ap]);
            c00 = b0.fma(a0, c00);    // c = b·a + c, one rounding
            c01 = b1.fma(a0, c01);
            DoubleVector a1 = DoubleVector.broadcast(SPECIES,
                    pa[ap + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            DoubleVector a2 = DoubleVector.broadcast(SPECIES,
                    pa[ap + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            DoubleVector a3 = DoubleVector.broadcast(SPECIES,
                    pa[ap + 3]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            DoubleVector a4 = DoubleVector.broadcast(SPECIES,
                    pa[ap + 4]);
            c40 = b0.fma(a4, c40);
            c41 = b1.fma(a4, c41);
            DoubleVector a5 = DoubleVector.broadcast(SPECIES,
                    pa[ap + 5]);
            c50 = b0.fma(a5, c50);
            c51 = b1.fma(a5, c51);
        }
        // end::tile-loop[]
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + LANES);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + LANES);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + LANES);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + LANES);
        c40.intoArray(c, c4);
        c41.intoArray(c, c4 + LANES);
        c50.intoArray(c, c5);
        c51.intoArray(c, c5 + LANES);
    }
    // end::tile[]

    private static DoubleVector load(double[] array, int at) {
        return DoubleVector.fromArray(SPECIES, array, at);
    }

    /** A tile cut by the edge of C: computed whole in scratch, copied. */
    private static void edgeTile(Buffers buffers, double[] pb, int aBase,
            int bBase, int kc, double[] c, int ci, int ldc, int rows,
            int cols, boolean fresh) {
        double[] scratch = buffers.tile;
        if (!fresh) {
            toScratch(c, ci, ldc, rows, cols, scratch, MR, NR);
        }
        tile(buffers.packedA, aBase, pb, bBase, kc, scratch, 0, NR, fresh);
        fromScratch(scratch, NR, c, ci, ldc, rows, cols);
    }

    /**
     * C's rows × cols block at c0 into the top left of a scratch tile of
     * tileRows × width, the rest of the tile zeros.
     */
    private static void toScratch(double[] c, int c0, int ldc, int rows,
            int cols, double[] scratch, int tileRows, int width) {
        for (int r = 0; r < tileRows; r++) {
            int from = r < rows ? cols : 0;
            if (from > 0) {
                System.arraycopy(c, c0 + r * ldc, scratch, r * width, cols);
            }
            Arrays.fill(scratch, r * width + from, (r + 1) * width, 0.0);
        }
    }

    /** The scratch tile's top left rows × cols back into C's block at c0. */
    private static void fromScratch(double[] scratch, int width, double[] c,
            int c0, int ldc, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scratch, r * width, c, c0 + r * ldc, cols);
        }
    }

    /**
     * C += op(A)·op(B) for a small product: op(B)'s rows read where they
     * are (Bᵀ copied once into the B buffer as rows), four rows of C at a
     * time, two vectors and then one vector wide; the columns left over as
     * one more vector, from op(B)'s last columns padded with zeros to a
     * vector's width and through a scratch tile of C. Every element is
     * still one chain of FMAs over p = 0..k−1 starting from C (from zeros
     * if {@code fresh}), so the bits are the packed path's: the padded
     * lanes are computed and thrown away.
     */
    private static void unpacked(boolean transA, boolean transB, int m,
            int n, int k, double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double[] c, int cOffset, int ldc, boolean fresh,
            Buffers buffers) {
        double[] rows = b;  // op(B) as (k, n) rows
        int r0 = bOffset;
        int ldr = ldb;
        if (transB) {  // op(B)[p][j] is b[j·ldb + p]: copy as (k, n) rows
            rows = buffers.packedB;  // k·n ≤ UNPACKED fits
            r0 = 0;
            ldr = n;
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    rows[p * n + j] = b[bOffset + j * ldb + p];
                }
            }
        }
        int full = n - n % LANES;  // columns in whole vectors
        double[] tail = null;      // the columns after them, padded
        if (full < n) {
            tail = buffers.tail(k * LANES);
            for (int p = 0; p < k; p++) {
                for (int t = 0; t < LANES; t++) {
                    tail[p * LANES + t] = full + t < n
                            ? rows[r0 + p * ldr + full + t] : 0.0;
                }
            }
        }
        int down = transA ? 1 : lda;   // op(A)[i][p] is a[i·down + p·along]
        int along = transA ? lda : 1;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOffset + i * down;
            int ci = cOffset + i * ldc;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                fourRowsTwoVectors(a, a0, down, along, rows, r0 + j, ldr, k,
                        c, ci + j, ldc, fresh);
            }
            for (; j < full; j += LANES) {
                fourRowsOneVector(a, a0, down, along, rows, r0 + j, ldr, k,
                        c, ci + j, ldc, fresh);
            }
            if (tail != null) {  // in a scratch tile of 4 rows × LANES
                double[] tile = buffers.tile;
                if (!fresh) {
                    toScratch(c, ci + full, ldc, 4, n - full, tile, 4,
                            LANES);
                }
                fourRowsOneVector(a, a0, down, along, tail, 0, LANES, k,
                        tile, 0, LANES, fresh);
                fromScratch(tile, LANES, c, ci + full, ldc, 4, n - full);
            }
        }
        for (; i < m; i++) {
            int ai = aOffset + i * down;
            int ci = cOffset + i * ldc;
            for (int j = 0; j < full; j += LANES) {
                oneRowOneVector(a, ai, along, rows, r0 + j, ldr, k, c,
                        ci + j, fresh);
            }
            if (tail != null) {
                double[] tile = buffers.tile;
                if (!fresh) {
                    toScratch(c, ci + full, ldc, 1, n - full, tile, 1,
                            LANES);
                }
                oneRowOneVector(a, ai, along, tail, 0, LANES, k, tile, 0,
                        fresh);
                fromScratch(tile, LANES, c, ci + full, ldc, 1, n - full);
            }
        }
    }

    /** C[0][0..LANES) += A row (1, k) · B rows (k, LANES) (or from 0). */
    private static void oneRowOneVector(double[] a, int ai, int along,
            double[] b, int bAt, int ldb, int k, double[] c, int c0,
            boolean fresh) {
        DoubleVector acc = load(fresh ? ZEROS : c, fresh ? 0 : c0);
        for (int p = 0; p < k; p++) {
            acc = load(b, bAt + p * ldb).fma(DoubleVector
                    .broadcast(SPECIES, a[ai + p * along]), acc);
        }
        acc.intoArray(c, c0);
    }

    /** C[0..4)[0..2·LANES) += A rows (4, k) · B rows (k, 2·LANES). */
    private static void fourRowsTwoVectors(double[] a, int a0, int down,
            int along, double[] b, int bAt, int ldb, int k,
            double[] c, int c0, int ldc, boolean fresh) {
        double[] s = fresh ? ZEROS : c;  // where the accumulators start
        int s0 = fresh ? 0 : c0;
        int lds = fresh ? 0 : ldc;
        DoubleVector c00 = load(s, s0);
        DoubleVector c01 = load(s, s0 + LANES);
        DoubleVector c10 = load(s, s0 + lds);
        DoubleVector c11 = load(s, s0 + lds + LANES);
        DoubleVector c20 = load(s, s0 + 2 * lds);
        DoubleVector c21 = load(s, s0 + 2 * lds + LANES);
        DoubleVector c30 = load(s, s0 + 3 * lds);
        DoubleVector c31 = load(s, s0 + 3 * lds + LANES);
        for (int p = 0; p < k; p++) {
            DoubleVector b0 = load(b, bAt + p * ldb);
            DoubleVector b1 = load(b, bAt + p * ldb + LANES);
            int ap = a0 + p * along;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = DoubleVector.broadcast(SPECIES, a[ap + down]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * down]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * down]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + LANES);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + LANES);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + LANES);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + LANES);
    }

    /** C[0..4)[0..LANES) += A rows (4, k) · B rows (k, LANES). */
    private static void fourRowsOneVector(double[] a, int a0, int down,
            int along, double[] b, int bAt, int ldb, int k,
            double[] c, int c0, int ldc, boolean fresh) {
        double[] s = fresh ? ZEROS : c;  // where the accumulators start
        int s0 = fresh ? 0 : c0;
        int lds = fresh ? 0 : ldc;
        DoubleVector c0v = load(s, s0);
        DoubleVector c1v = load(s, s0 + lds);
        DoubleVector c2v = load(s, s0 + 2 * lds);
        DoubleVector c3v = load(s, s0 + 3 * lds);
        for (int p = 0; p < k; p++) {
            DoubleVector bp = load(b, bAt + p * ldb);
            int ap = a0 + p * along;
            c0v = bp.fma(DoubleVector.broadcast(SPECIES, a[ap]), c0v);
            c1v = bp.fma(DoubleVector.broadcast(SPECIES, a[ap + down]), c1v);
            c2v = bp.fma(DoubleVector.broadcast(SPECIES, a[ap + 2 * down]),
                    c2v);
            c3v = bp.fma(DoubleVector.broadcast(SPECIES, a[ap + 3 * down]),
                    c3v);
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + ldc);
        c2v.intoArray(c, c0 + 2 * ldc);
        c3v.intoArray(c, c0 + 3 * ldc);
    }

    // tag::pack[]
    /** op(A)[ic..ic+mc)[pc..pc+kc) as strips of MR rows, column by column. */
    static void packA(boolean transA, double[] a, int aOffset,
            int lda, int ic, int mc, int pc, int kc, double[] packed) {
        for (int ir = 0; ir < mc; ir += MR) {
            int strip = ir * kc;
            int rows = Math.min(MR, mc - ir);
            if (rows < MR) {
                Arrays.fill(packed, strip, strip + kc * MR, 0.0);  // padding
            }
            if (transA) {  // op(A)[i][p] is a[p·lda + i]: read along i
                for (int p = 0; p < kc; p++) {
                    int from = aOffset + (pc + p) * lda + ic + ir;
                    System.arraycopy(a, from, packed, strip + p * MR, rows);
                }
            } else {       // op(A)[i][p] is a[i·lda + p]: read along p
                for (int r = 0; r < rows; r++) {
                    int from = aOffset + (ic + ir + r) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[strip + p * MR + r] = a[from + p];
                    }
                }
            }
        }
    }

    /**
     * op(B)[pc..pc+kc)[jc..jc+nc) as strips of NR columns, row by row,
     * into {@code packed} from {@code base}.
     */
    static void packB(boolean transB, double[] b, int bOffset,
            int ldb, int pc, int kc, int jc, int nc, double[] packed,
            int base) {
        for (int jr = 0; jr < nc; jr += NR) {
            int strip = base + jr * kc;
            int cols = Math.min(NR, nc - jr);
            if (cols < NR) {
                Arrays.fill(packed, strip, strip + kc * NR, 0.0);  // padding
            }
            if (transB) {  // op(B)[p][j] is b[j·ldb + p]: read along p
                for (int j = 0; j < cols; j++) {
                    int from = bOffset + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[strip + p * NR + j] = b[from + p];
                    }
                }
            } else {       // op(B)[p][j] is b[p·ldb + j]: read along j
                for (int p = 0; p < kc; p++) {
                    int from = bOffset + (pc + p) * ldb + jc + jr;
                    System.arraycopy(b, from, packed, strip + p * NR, cols);
                }
            }
        }
    }
    // end::pack[]
}
