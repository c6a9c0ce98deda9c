package org.scratchformer.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.ejml.data.DMatrixRMaj;

/**
 * Every matrix product the engine runs: A·B, Aᵀ·B and A·Bᵀ without
 * transposed copies, and a strided block form for products over row and
 * column blocks of bigger matrices (heads, sequences of a batch).
 *
 * <p>The work is done by a {@link GemmKernel}: chapter 13's Vector API
 * kernel when the {@code jdk.incubator.vector} module is present, else the
 * plain-Java {@link PlainKernel}; both give the same bits. Large products
 * are split into row or column blocks over a small fixed pool of threads;
 * each element of C is still one chain of fused multiply-adds in a fixed
 * order, so the bits do not depend on the number of threads either.
 *
 * <p>Every call counts its floating-point operations, 2·m·n·k (one
 * multiply and one add per term), into {@link #flops()}: the {@code bench}
 * command reads the count before and after a step to report the rate the
 * products achieved, whatever the model.
 *
 * <p>System properties: {@code scratchformer.kernel=plain} forces the
 * plain-Java kernel; {@code scratchformer.threads=N} sets the number of
 * threads (default: the number of processors).
 */
public final class Products {
    /** Below this many multiply-adds per thread a product stays on one. */
    static final long MIN_WORK_PER_THREAD = 1L << 18;

    private static final GemmKernel KERNEL =
            load(GemmKernel.class, new PlainKernel());
    private static int threads = Integer.getInteger("scratchformer.threads",
            Runtime.getRuntime().availableProcessors());
    private static ExecutorService pool;
    // tag::flop-count[]
    /**
     * Floating-point operations of every product so far. A LongAdder: one
     * cheap add per call, safe when several threads call gemm at once.
     */
    private static final LongAdder FLOPS = new LongAdder();
    // end::flop-count[]

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
        FLOPS.add(2L * m * n * k);  // counted once, however it is split
        if (m == 0 || n == 0) {
            return;
        }
        // tag::split[]
        int parts = parts(m, n, k);
        if (parts == 1) {
            KERNEL.gemm(transA, transB, m, n, k, a, aOffset, lda,
                    b, bOffset, ldb, c, cOffset, ldc, accumulate);
            return;
        }
        inParallel(parts, (lo, hi, byRows) -> {
            if (byRows) {  // rows lo..hi of C: rows of op(A)
                KERNEL.gemm(transA, transB, hi - lo, n, k,
                        a, aOffset + lo * (transA ? 1 : lda), lda,
                        b, bOffset, ldb,
                        c, cOffset + lo * ldc, ldc, accumulate);
            } else {       // columns lo..hi of C: columns of op(B)
                KERNEL.gemm(transA, transB, m, hi - lo, k,
                        a, aOffset, lda,
                        b, bOffset + lo * (transB ? ldb : 1), ldb,
                        c, cOffset + lo, ldc, accumulate);
            }
        }, m >= n ? m : n, m >= n);
        // end::split[]
    }

    // tag::flop-count[]
    /**
     * Floating-point operations of all products since the program started:
     * 2·m·n·k for each call of {@link #gemm} (and so of mult, multTransA
     * and multTransB). The difference of two readings counts the products
     * in between, on every thread.
     */
    public static long flops() {
        return FLOPS.sum();
    }
    // end::flop-count[]

    /** The kernel in use, for reports: "plain" or "vector 512-bit". */
    public static String kernelName() {
        return KERNEL.name();
    }

    /** The number of threads large products are split over. */
    public static synchronized int threads() {
        return threads;
    }

    /** Sets the number of threads large products are split over (≥ 1). */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Products: threads must be at"
                    + " least 1, got " + count);
        }
        if (count != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = count;
    }

    /** How many blocks to split C into: 1 for a small product. */
    static int parts(int m, int n, int k) {
        return parts((long) m * n * Math.max(k, 1), Math.max(m, n) / 8);
    }

    /**
     * Threads for {@code work} multiply-adds that split into at most
     * {@code limit} pieces: 1 on a pool thread (no nesting) or for little
     * work.
     */
    private static int parts(long work, long limit) {
        int count = threads();
        if (count == 1 || alone()) {
            return 1;  // a pool thread or a task of each(): no nesting
        }
        return (int) Math.max(1, Math.min(count, Math.min(
                work / MIN_WORK_PER_THREAD, limit)));
    }

    private static final String POOL_NAME = "scratchformer-products-";

    /** Set on the calling thread while it runs tasks of {@link #each}. */
    private static final ThreadLocal<Boolean> IN_TASK =
            ThreadLocal.withInitial(() -> false);

    /** Whether this thread must do its work alone: no blocks for others. */
    private static boolean alone() {
        return IN_TASK.get()
                || Thread.currentThread().getName().startsWith(POOL_NAME);
    }

    // tag::each[]
    /**
     * Runs the independent tasks 0 .. count − 1 at once. The calling thread
     * and the pool's threads take the next task not yet taken until none
     * is left, so a thread that finishes early takes more; the caller takes
     * task 0. Each task runs alone on its thread: the products and ranges
     * inside it are not split (the other threads are busy with other
     * tasks). With one thread, or when already inside a task, the tasks run
     * in order on the calling thread. It returns when every task has
     * finished; the failure of the lowest-numbered failed task is then
     * rethrown. Tasks must not write what another reads; what a task
     * computes cannot depend on the thread that runs it.
     */
    public static void each(int count, IntConsumer task) {
        if (count < 1) {
            throw new IllegalArgumentException("Products.each: the number"
                    + " of tasks must be at least 1, got " + count);
        }
        if (count == 1 || threads() == 1 || alone()) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger(1);  // task 0: the caller's
        RuntimeException[] failures = new RuntimeException[count];
        Runnable takeTasks = () -> {
            for (int i = next.getAndIncrement(); i < count;
                    i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException e) {
                    failures[i] = e;  // the others still run
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        ExecutorService executor = pool();
        for (int t = 1; t < Math.min(threads(), count); t++) {
            helpers.add(executor.submit(takeTasks));
        }
        IN_TASK.set(true);
        try {
            try {
                task.accept(0);
            } catch (RuntimeException e) {
                failures[0] = e;
            }
            takeTasks.run();
        } finally {
            IN_TASK.set(false);
        }
        for (Future<?> helper : helpers) {
            RuntimeException failure = waitFor(helper, "a task failed");
            if (failure != null) {
                throw failure;  // an interrupt, or an Error in a task
            }
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }
    // end::each[]

    /** Waits for {@code future}; its failure as an exception, or null. */
    private static RuntimeException waitFor(Future<?> future, String what) {
        spinUntil(future::isDone);
        try {
            future.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Products: interrupted", e);
        } catch (ExecutionException e) {
            return new IllegalStateException("Products: " + what,
                    e.getCause());
        }
    }

    /** What {@link #forRanges} runs: the items from lo to hi − 1. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    // tag::ranges[]
    /**
     * Runs {@code body} over the items [0, size), split into ranges over
     * the products' threads (one range when the work, about
     * size · workPerItem operations, is too small to share; ranges of a
     * multiple of 8 items, as for the products): the first on the calling
     * thread, the others on the pool. For loops whose items
     * write disjoint outputs and read nothing another item writes: each
     * item is computed by one thread in its own order, so the results are
     * the same bits for any number of threads.
     */
    public static void forRanges(int size, long workPerItem, Range body) {
        int parts = parts((long) size * Math.max(workPerItem, 1), size);
        if (parts == 1) {
            body.run(0, size);
            return;
        }
        inParallel(parts, (lo, hi, byRows) -> body.run(lo, hi), size, true);
    }
    // end::ranges[]

    private interface Block {
        void run(int lo, int hi, boolean byRows);
    }

    /**
     * Splits [0, size) into {@code parts} blocks (multiples of 8 except the
     * last), runs block 0 on the calling thread and the others on the pool.
     */
    private static void inParallel(int parts, Block block, int size,
            boolean byRows) {
        int step = blockSize(size, parts);
        List<Future<?>> others = new ArrayList<>();
        ExecutorService executor = pool();
        for (int lo = step; lo < size; lo += step) {
            int from = lo;
            int to = Math.min(size, lo + step);
            others.add(executor.submit(() -> block.run(from, to, byRows)));
        }
        block.run(0, Math.min(size, step), byRows);
        for (Future<?> other : others) {
            RuntimeException failure = waitFor(other, "a block failed");
            if (failure != null) {
                throw failure;
            }
        }
    }

    // tag::spin[]
    /**
     * How long a thread that waits for a block, or for the next one, polls
     * before it sleeps: 500 µs, or the system property
     * {@code scratchformer.spinMicros}. Waking a sleeping thread (and, on a
     * virtual machine, its processor) is a cost a small block pays in
     * full; polling costs a core that would otherwise be idle.
     */
    static final long SPIN_NANOS =
            Long.getLong("scratchformer.spinMicros", 500) * 1000;

    /** Polls {@code done} for up to SPIN_NANOS; whether it became true. */
    static boolean spinUntil(BooleanSupplier done) {
        long end = System.nanoTime() + SPIN_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /**
     * The pool's queue: a worker that finds it empty polls it for a while
     * before it sleeps, so that the next block does not wait for a thread
     * to wake up.
     */
    private static final class SpinningQueue
            extends LinkedBlockingQueue<Runnable> {
        @Override
        public Runnable take() throws InterruptedException {
            spinUntil(() -> !isEmpty());  // then take finds a block at once
            return super.take();
        }
    }
    // end::spin[]

    /** ⌈size / parts⌉ rounded up to a multiple of 8. */
    static int blockSize(int size, int parts) {
        return ((size + parts - 1) / parts + 7) / 8 * 8;
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            int count = Math.max(1, threads - 1);
            int[] made = {0};
            pool = new ThreadPoolExecutor(count, count, 0,
                    TimeUnit.MILLISECONDS, new SpinningQueue(), task -> {
                        Thread t = new Thread(task, POOL_NAME + (++made[0]));
                        t.setDaemon(true);
                        return t;
                    });
        }
        return pool;
    }

    // tag::load-kernel[]
    /**
     * The service's implementation named in META-INF/services (chapter
     * 13's), or {@code plain} without the Vector API module.
     */
    static <T> T load(Class<T> service, T plain) {
        if ("plain".equals(System.getProperty("scratchformer.kernel"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector")
                        .isEmpty()) {
            return plain;
        }
        try {
            for (T kernel : ServiceLoader.load(service)) {
                return kernel;
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // a kernel that cannot load: the plain one gives the same bits
        }
        return plain;
    }
    // end::load-kernel[]

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
