package org.scratchformer.multihead;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.BatchedMatMul;
import org.scratchformer.attention.BatchedMatMulTransB;
import org.scratchformer.attention.ScaledDotProductAttention;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;

/**
 * How attention's backward grows with the batch (chapter 8's layout, with
 * chapter 9's heads): a measurement, not a test, since wall times vary
 * and nothing here asserts one. Three ways to run attention over B
 * sequences and H heads on the reference shapes (T = S = 16, C = 128,
 * H = 4, D = 32):
 *
 * <ul>
 * <li>batched: the block-batched products read every sequence and head in
 *     place; backward is linear in B;</li>
 * <li>slices: one slice per sequence and head, attention on each, then
 *     concatenation; each slice's backward sends only its block, so this
 *     stays linear too, with more small ops;</li>
 * <li>slices, whole-size backward: the same with a slice whose backward
 *     returns a zero matrix the size of the whole input with the block
 *     filled in, so B·H slices cost B·H·(B·T·C): quadratic in B.</li>
 * </ul>
 *
 * <p>Run it from the project root with
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.scratchformer.multihead.AttentionBatchCost
 * </pre>
 * For B = 16 and B = 64 it prints the median wall time and the mean CPU
 * time of a backward pass (at least 15 timed passes after 10 untimed
 * ones), and their ratios: 4 means linear in B, 16 quadratic.
 */
public final class AttentionBatchCost {
    static final int LENGTH = 16;  // T = S
    static final int MODEL = 128;  // C
    static final int HEADS = 4;    // H, D = C / H = 32
    static final int WARM_UP = 10;
    static final int RUNS = 15;
    static final int CPU_BUDGET_MS = 2000;

    private AttentionBatchCost() {
    }

    /** One way to compute attention's output (B·T, C) from Q, K, V. */
    interface Attention {
        Tensor apply(Tensor q, Tensor k, Tensor v, int batch);
    }

    // tag::batched[]
    /** Every sequence and head at once: scores and weights (B·T, H·S). */
    static Tensor batched(Tensor q, Tensor k, Tensor v, int batch) {
        double scale = 1 / Math.sqrt(MODEL / HEADS);  // 1/√D
        Tensor scores = Ops.scale(
                new BatchedMatMulTransB(batch, HEADS).apply(q, k), scale);
        Tensor weights = new HeadSoftmax(HEADS).apply(scores);
        return new BatchedMatMul(batch, HEADS).apply(weights, v);
    }
    // end::batched[]

    // tag::sliced[]
    /** One slice per sequence b and head h, attention on each, concat. */
    static Tensor sliced(Tensor q, Tensor k, Tensor v, int batch,
            Slicer slice) {
        int d = MODEL / HEADS;
        AttentionMask none = AttentionMask.none(1, LENGTH, LENGTH);
        Tensor[] sequences = new Tensor[batch];
        for (int b = 0; b < batch; b++) {
            Tensor[] heads = new Tensor[HEADS];
            for (int h = 0; h < HEADS; h++) {
                int r = b * LENGTH;
                int c = h * d;
                heads[h] = ScaledDotProductAttention.attend(  // (T, D)
                        slice.apply(q, r, c), slice.apply(k, r, c),
                        slice.apply(v, r, c), none).output();
            }
            sequences[b] = Ops.concatCols(heads);  // (T, C)
        }
        return Ops.concatRows(sequences);  // (B·T, C)
    }
    // end::sliced[]

    /** The (T, D) block of X at row r and column c. */
    interface Slicer {
        Tensor apply(Tensor x, int r, int c);
    }

    /** slice_rows then slice_cols: each backward sends only its block. */
    static Tensor blockSlice(Tensor x, int r, int c) {
        return Ops.sliceCols(Ops.sliceRows(x, r, r + LENGTH), c,
                c + MODEL / HEADS);
    }

    /** A slice whose backward is a whole-size matrix, mostly zeros. */
    static Tensor wholeSizeSlice(Tensor x, int r, int c) {
        return new WholeSizeSlice(r, c, LENGTH, MODEL / HEADS).apply(x);
    }

    // tag::whole-size-slice[]
    /** Y = X[r:r+T, c:c+D]; dX = dY in that block, 0 elsewhere. */
    record WholeSizeSlice(int row, int col, int rows, int cols)
            implements Op {
        @Override
        public String name() {
            return "whole_size_slice";
        }

        @Override
        public DMatrixRMaj forward(List<DMatrixRMaj> x) {
            return CommonOps_DDRM.extract(x.get(0), row, row + rows, col,
                    col + cols);
        }

        @Override
        public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj input = x.get(0);
            // allocated and later added in full: the size of the input
            DMatrixRMaj dX = new DMatrixRMaj(input.numRows, input.numCols);
            CommonOps_DDRM.insert(dY, dX, row, col);
            return new Grads(dX);
        }
    }
    // end::whole-size-slice[]

    /** Milliseconds per backward pass: median wall, mean process CPU. */
    record Timing(int runs, double wall, double cpu) {
    }

    /**
     * Times backward for B sequences: at least {@link #RUNS} runs and at
     * least {@link #CPU_BUDGET_MS} of CPU time in all. The CPU time is this
     * process's (its threads, the garbage collector's included), read in
     * ticks of 10 ms, hence the mean over many runs; other processes on a
     * busy machine inflate wall time, much less CPU time.
     */
    static Timing backward(Attention attention, int batch, Random random) {
        OperatingSystemMXBean process = (OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        Tensor q = variable(batch * LENGTH, MODEL, random);  // (B·T, C)
        Tensor k = variable(batch * LENGTH, MODEL, random);  // (B·S, C)
        Tensor v = variable(batch * LENGTH, MODEL, random);  // (B·S, C)
        DMatrixRMaj dY = variable(batch * LENGTH, MODEL, random).value();
        List<Double> wall = new ArrayList<>();
        long cpu = 0;
        for (int run = -WARM_UP; run < RUNS || cpu < CPU_BUDGET_MS * 1e6;
                run++) {
            q.zeroGrad();
            k.zeroGrad();
            v.zeroGrad();
            Tensor out = attention.apply(q, k, v, batch);  // (B·T, C)
            long cpuStart = process.getProcessCpuTime();
            long start = System.nanoTime();
            out.backward(dY);
            long end = System.nanoTime();
            long cpuEnd = process.getProcessCpuTime();
            if (run >= 0) {
                wall.add((end - start) / 1e6);
                cpu += cpuEnd - cpuStart;
            }
        }
        Collections.sort(wall);
        return new Timing(wall.size(), wall.get(wall.size() / 2),
                cpu / 1e6 / wall.size());
    }

    static Tensor variable(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.set(i, random.nextGaussian());
        }
        return Tensor.variable(m);
    }

    public static void main(String[] args) {
        List<String> names = List.of("batched ops",
                "slices (block backward)", "slices (whole-size backward)");
        List<Attention> ways = List.of(AttentionBatchCost::batched,
                (q, k, v, b) -> sliced(q, k, v, b,
                        AttentionBatchCost::blockSlice),
                (q, k, v, b) -> sliced(q, k, v, b,
                        AttentionBatchCost::wholeSizeSlice));
        System.out.printf(Locale.ROOT, "attention backward, T = S = %d,"
                + " C = %d, %d heads of D = %d%nwall: median, cpu: mean of"
                + " at least %d runs and %d ms of CPU, after %d untimed"
                + "%n%n%-29s %17s %17s %13s%n%-29s %8s %8s %8s %8s %6s %6s%n",
                LENGTH, MODEL, HEADS, MODEL / HEADS, RUNS, CPU_BUDGET_MS,
                WARM_UP, "",
                "B = 16 (ms)", "B = 64 (ms)", "64/16", "", "wall", "cpu",
                "wall", "cpu", "wall", "cpu");
        Random random = new Random(8);
        for (int i = 0; i < ways.size(); i++) {
            Timing small = backward(ways.get(i), 16, random);
            Timing large = backward(ways.get(i), 64, random);
            System.out.printf(Locale.ROOT,
                    "%-29s %8.2f %8.2f %8.2f %8.2f %6.1f %6.1f%n",
                    names.get(i), small.wall(), small.cpu(), large.wall(),
                    large.cpu(), large.wall() / small.wall(),
                    large.cpu() / small.cpu());
        }
    }
}
