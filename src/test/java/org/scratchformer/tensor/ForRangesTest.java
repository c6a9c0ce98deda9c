package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Products.forRanges: every item exactly once, in ranges over the
 * products' threads when the work is large, in one range when it is small
 * or when the caller is already one of the pool's threads.
 */
@Timeout(20)  // a pool that never runs a block must fail, not hang
class ForRangesTest {
    static List<int[]> ranges(int size, long workPerItem) {
        List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
        Products.forRanges(size, workPerItem,
                (lo, hi) -> ranges.add(new int[] {lo, hi}));
        return ranges;
    }

    @Test
    void everyItemOnceForAnyThreadCount() {
        int before = Products.threads();
        try {
            for (int threads = 1; threads <= 3; threads++) {
                Products.setThreads(threads);
                for (int size = 0; size <= 70; size++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(size);
                    Products.forRanges(size, 1L << 20, (lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            seen.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < size; i++) {
                        assertEquals(1, seen.get(i), "threads " + threads
                                + ", size " + size + ", item " + i);
                    }
                }
            }
        } finally {
            Products.setThreads(before);
        }
    }

    @Test
    void largeWorkIsSharedSmallWorkIsNot() {
        int before = Products.threads();
        try {
            Products.setThreads(2);
            assertEquals(2, ranges(64, Products.MIN_WORK_PER_THREAD).size());
            assertEquals(1, ranges(64, 1).size(), "too little work");
            assertEquals(1, ranges(1, 1L << 30).size(), "one item");
            assertEquals(1, ranges(8, 1L << 30).size(), "ranges of 8 items");
            assertEquals(2, ranges(9, 1L << 30).size(), "8 and 1");
            Products.setThreads(1);
            assertEquals(1, ranges(64, 1L << 30).size(), "one thread");
        } finally {
            Products.setThreads(before);
        }
    }

    @Test
    void aRangeOnAPoolThreadDoesNotSplitAgain() {
        int before = Products.threads();
        try {
            Products.setThreads(2);
            List<Integer> inner = Collections.synchronizedList(
                    new ArrayList<>());
            Products.forRanges(16, 1L << 30, (lo, hi) -> inner.add(
                    ranges(64, 1L << 30).size()));
            assertEquals(List.of(1, 2), inner.stream().sorted().toList(),
                    "the calling thread's range may split, the pool's not");
        } finally {
            Products.setThreads(before);
        }
    }

    @Test
    void rangesRunAfterThePoolHasStoppedPollingAndWhileItPolls()
            throws InterruptedException {
        int before = Products.threads();
        try {
            Products.setThreads(2);
            long pollMillis = Products.SPIN_NANOS / 1_000_000 + 1;
            for (long pause : new long[] {0, 3 * pollMillis, 0,
                3 * pollMillis}) {
                Thread.sleep(pause);  // 0: the worker still polls
                List<int[]> got = ranges(64, Products.MIN_WORK_PER_THREAD);
                assertEquals(2, got.size(), "after " + pause + " ms");
            }
        } finally {
            Products.setThreads(before);
        }
    }

    @Test
    void pollingReturnsOnceTrueAndGivesUpAfterItsTime() {
        assertTrue(Products.spinUntil(() -> true), "already true");
        int[] calls = {0};
        assertTrue(Products.spinUntil(() -> ++calls[0] == 3), "true later");
        assertEquals(3, calls[0], "polled until true, not after");
        long start = System.nanoTime();
        assertFalse(Products.spinUntil(() -> false), "never true");
        assertTrue(System.nanoTime() - start >= Products.SPIN_NANOS,
                "gave up before its time");
    }
}
