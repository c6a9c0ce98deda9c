package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scratchformer.tensor.PlainKernel;

/**
 * Workers.each: every task once, task 0 on the calling thread and the
 * others taken by whichever thread is free, nothing split inside a task, a
 * failure rethrown only after every task has finished.
 */
@Timeout(20)  // a task that never runs must fail, not hang
class WorkersTest {
    interface Body {
        void run(Workers workers) throws Exception;
    }

    static void withThreads(int threads, Body body) throws Exception {
        try (Workers workers = new Workers(threads)) {
            body.run(workers);
        }
    }

    @Test
    void everyTaskOnceForAnyThreadCount() throws Exception {
        for (int threads = 1; threads <= 3; threads++) {
            withThreads(threads, workers -> {
                for (int count = 1; count <= 5; count++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(count);
                    workers.each(count, seen::incrementAndGet);
                    for (int i = 0; i < count; i++) {
                        assertEquals(1, seen.get(i), "task " + i + " of "
                                + count + ", threads " + workers.threads());
                    }
                }
            });
        }
    }

    @Test
    void taskZeroRunsOnTheCallerTheOthersOnThePool() throws Exception {
        withThreads(2, workers -> {
            Thread[] ran = new Thread[2];
            workers.each(2, i -> {
                if (i == 0) {
                    sleep(200);  // or the caller may take task 1 as well
                }
                ran[i] = Thread.currentThread();
            });
            assertSame(Thread.currentThread(), ran[0]);
            assertNotEquals(Thread.currentThread(), ran[1]);
            assertTrue(ran[1].getName().startsWith("scratchformer-worker-"),
                    ran[1].getName());
        });
    }

    @Test
    void oneThreadRunsTheTasksInOrderOnTheCaller() throws Exception {
        withThreads(1, workers -> {
            List<Integer> order = new ArrayList<>();
            List<Thread> ran = new ArrayList<>();
            workers.each(3, i -> {
                order.add(i);
                ran.add(Thread.currentThread());
            });
            assertEquals(List.of(0, 1, 2), order);
            assertEquals(Collections.nCopies(3, Thread.currentThread()), ran);
        });
    }

    @Test
    void nothingInsideATaskIsSplitAndTheCallerSplitsAgainAfterwards()
            throws Exception {
        withThreads(2, workers -> {
            List<Integer> inner = Collections.synchronizedList(
                    new ArrayList<>());
            workers.each(2, i -> inner.add(
                    new SplitKernel(new PlainKernel(), workers).parts(64, 64, 1 << 20)));
            assertEquals(List.of(1, 1), inner, "both threads are busy");
            assertEquals(2, new SplitKernel(new PlainKernel(), workers).parts(64, 64, 1 << 20),
                    "the caller's next loop is shared again");
            List<Integer> nested = Collections.synchronizedList(
                    new ArrayList<>());
            workers.each(2, i -> workers.each(2, j -> nested.add(
                    i * 10 + j)));
            assertEquals(List.of(0, 1, 10, 11),
                    nested.stream().sorted().toList());
        });
    }

    @Test
    void aFailureIsRethrownAfterTheOtherTasksFinished() throws Exception {
        withThreads(2, workers -> {
            AtomicIntegerArray done = new AtomicIntegerArray(1);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> workers.each(2, i -> {
                        if (i == 0) {
                            throw new IllegalArgumentException("task 0");
                        }
                        sleep(200);
                        done.set(0, 1);
                    }));
            assertEquals("task 0", e.getMessage());
            assertEquals(1, done.get(0), "returned before task 1 was done");

            IllegalArgumentException lowest = assertThrows(
                    IllegalArgumentException.class, () -> workers.each(4,
                            i -> {
                                if (i >= 1) {
                                    throw new IllegalArgumentException("task "
                                            + i);
                                }
                            }));
            assertEquals("task 1", lowest.getMessage(), "the lowest failed");
        });
    }

    @Test
    void aThreadThatFinishesEarlyTakesTheNextTask() throws Exception {
        withThreads(2, workers -> {
            List<String> ran = Collections.synchronizedList(new ArrayList<>());
            workers.each(4, i -> {
                if (i == 0) {
                    sleep(400);  // the caller is busy: the pool takes 1, 2, 3
                }
                ran.add(i + (Thread.currentThread().getName().startsWith(
                        "scratchformer-worker-") ? " pool" : " caller"));
            });
            assertEquals(List.of("1 pool", "2 pool", "3 pool", "0 caller"),
                    ran);
        });
    }

    @Test
    void theCallerTakesTasksTooWhileThePoolIsBusy() throws Exception {
        withThreads(2, workers -> {
            CountDownLatch twoRan = new CountDownLatch(1);
            boolean[] released = new boolean[1];
            workers.each(3, i -> {
                if (i == 1) {  // waits for task 2: another thread must run it
                    released[0] = await(twoRan);
                }
                if (i == 2) {
                    twoRan.countDown();
                }
            });
            assertTrue(released[0], "task 2 ran while task 1 waited");
        });
    }

    @Test
    void anErrorOnThePoolIsReportedAsAFailedTask() throws Exception {
        withThreads(2, workers -> {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> workers.each(2, i -> {
                        if (i == 0) {
                            sleep(200);  // task 1 goes to the pool
                        } else {
                            throw new AssertionError("task 1");
                        }
                    }));
            assertEquals("Workers: a task failed", e.getMessage());
            assertEquals("task 1", e.getCause().getMessage());
            IllegalStateException block = assertThrows(
                    IllegalStateException.class, () -> workers.blocks(
                            64, 2, (lo, hi) -> {
                                if (lo > 0) {
                                    throw new IllegalArgumentException(
                                            "range " + lo);
                                }
                            }));
            assertEquals("Workers: a block failed", block.getMessage());
            assertEquals("range 32", block.getCause().getMessage());
        });
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheInterrupt() throws Exception {
        withThreads(2, workers -> {
            CountDownLatch waiting = new CountDownLatch(1);
            Throwable[] thrown = new Throwable[1];
            boolean[] flag = new boolean[1];
            Thread caller = new Thread(() -> {
                try {
                    workers.each(2, i -> {
                        if (i == 0) {  // so that task 1 is the pool's
                            await(waiting);
                        } else {       // long enough to wait for
                            waiting.countDown();
                            sleep(1000);
                        }
                    });
                } catch (RuntimeException e) {
                    thrown[0] = e;
                }
                flag[0] = Thread.currentThread().isInterrupted();
            });
            caller.start();
            await(waiting);
            sleep(100);  // the caller is past its own task, waiting
            caller.interrupt();
            caller.join();
            assertEquals("Workers: interrupted", thrown[0].getMessage());
            assertTrue(flag[0], "the interrupt is kept for the caller");
        });
    }

    static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aCountBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Workers(2).each(0, i -> { }));
        assertEquals("Workers.each: the number of tasks must be at least 1,"
                + " got 0", e.getMessage());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
