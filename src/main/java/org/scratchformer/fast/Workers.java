package org.scratchformer.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A fixed number of threads that share out independent tasks: the calling
 * thread and {@code threads − 1} pool threads. Chapter 13 runs a batch's
 * micro-batches, the optimizer's updates and large products on it.
 *
 * <p>A task runs alone on its thread: inside a task, {@link #each} and
 * the products of {@link SplitKernel} run on the calling thread only (the
 * other threads are busy with other tasks), so nothing nests. The pool's
 * threads are daemons and {@link #close} stops them: they never keep the
 * program, or Maven's exec plugin, waiting.
 */
public final class Workers implements AutoCloseable {
    private static final String THREAD_NAME = "scratchformer-worker-";
    /** Set on a thread while it runs a task of a pool's {@link #each}. */
    private static final ThreadLocal<Boolean> IN_TASK =
            ThreadLocal.withInitial(() -> false);

    private final int threads;
    private ExecutorService pool;  // made on first use, for threads > 1

    /** {@code threads} threads in all, the caller's included (≥ 1). */
    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Workers: threads must be at"
                    + " least 1, got " + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    /** Whether this thread must work alone: one thread, or inside a task. */
    public boolean alone() {
        return threads == 1 || IN_TASK.get()
                || Thread.currentThread().getName().startsWith(THREAD_NAME);
    }

    // tag::each[]
    /**
     * Runs the independent tasks 0 .. count − 1 at once. The calling thread
     * and the pool's threads take the next task not yet taken until none
     * is left, so a thread that finishes early takes more; the caller takes
     * task 0. It returns when every task has finished; the failure of the
     * lowest-numbered failed task is then rethrown. Tasks must not write
     * what another reads; what a task computes must not depend on the
     * thread that runs it. Alone ({@link #alone}), the tasks run in order.
     */
    public void each(int count, IntConsumer task) {
        if (count < 1) {
            throw new IllegalArgumentException("Workers.each: the number"
                    + " of tasks must be at least 1, got " + count);
        }
        if (count == 1 || alone()) {
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
        for (int t = 1; t < Math.min(threads, count); t++) {
            helpers.add(pool().submit(takeTasks));
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
        waitForAll(helpers, "a task failed");
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }
    // end::each[]

    /** What {@link #blocks} runs: the items from lo to hi − 1. */
    @FunctionalInterface
    interface Range {
        void run(int lo, int hi);
    }

    /**
     * Runs {@code body} over [0, size) cut into {@code parts} ranges of a
     * multiple of 8 items (the last one shorter): the first on the calling
     * thread, the others on the pool.
     */
    void blocks(int size, int parts, Range body) {
        int step = blockSize(size, parts);
        List<Future<?>> others = new ArrayList<>();
        for (int lo = step; lo < size; lo += step) {
            int from = lo;
            int to = Math.min(size, lo + step);
            others.add(pool().submit(() -> body.run(from, to)));
        }
        body.run(0, Math.min(size, step));
        waitForAll(others, "a block failed");
    }

    /** ⌈size / parts⌉ rounded up to a multiple of 8. */
    static int blockSize(int size, int parts) {
        return ((size + parts - 1) / parts + 7) / 8 * 8;
    }

    /** Stops the pool's threads; a later task starts new ones. */
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }

    private static void waitForAll(List<Future<?>> futures, String what) {
        RuntimeException first = null;
        for (Future<?> future : futures) {
            RuntimeException failure = waitFor(future, what);
            if (first == null) {
                first = failure;
            }
        }
        if (first != null) {
            throw first;  // an interrupt, or an Error in a task
        }
    }

    /** Waits for {@code future}; its failure as an exception, or null. */
    private static RuntimeException waitFor(Future<?> future, String what) {
        spinUntil(future::isDone);
        try {
            future.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Workers: interrupted", e);
        } catch (ExecutionException e) {
            return new IllegalStateException("Workers: " + what,
                    e.getCause());
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

    private synchronized ExecutorService pool() {
        if (pool == null) {
            int count = threads - 1;
            int[] made = {0};
            pool = new ThreadPoolExecutor(count, count, 0,
                    TimeUnit.MILLISECONDS, new SpinningQueue(), task -> {
                        Thread t = new Thread(task, THREAD_NAME + (++made[0]));
                        t.setDaemon(true);
                        return t;
                    });
        }
        return pool;
    }
}
