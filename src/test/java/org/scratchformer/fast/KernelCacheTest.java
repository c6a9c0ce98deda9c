package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A kernel cache keeps one fill per key while its matrices are held, on
 * any thread; release forgets the work and hands its arrays to the next
 * fills; the cache of a thread is set for a body and restored after it.
 */
class KernelCacheTest {
    final DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
    final KernelCache cache = new KernelCache();
    final AtomicInteger fills = new AtomicInteger();

    double[] twice(Object key, int length) {
        return cache.get(key, length, out -> {
            fills.incrementAndGet();
            for (int i = 0; i < out.length; i++) {
                out[i] = 2 * w.data[i % w.data.length];
            }
        });
    }

    @Test
    void heldMatricesAreKnownByTheirArraysNotTheirValues() {
        assertFalse(cache.holds(w.data), "nothing held yet");
        cache.hold(List.of(w));
        assertTrue(cache.holds(w.data));
        assertFalse(cache.holds(w.copy().data), "equal numbers, not held");
        cache.release();
        assertFalse(cache.holds(w.data));
    }

    @Test
    void aKeyIsFilledOnceOnEveryThreadUntilReleased() {
        cache.hold(List.of(w));
        double[] first = twice("w", 4);
        assertArrayEquals(new double[] {2, 4, 6, 8}, first);
        double[][] seen = new double[8][];
        try (Workers workers = new Workers(2)) {
            workers.each(8, task -> seen[task] = twice("w", 4));
        }
        for (double[] s : seen) {
            assertSame(first, s);
        }
        assertEquals(1, fills.get());
        twice("other", 4);
        assertEquals(2, fills.get(), "another key, another fill");
    }

    @Test
    void releaseForgetsTheWorkAndTheNextFillReusesItsArray() {
        cache.hold(List.of(w));
        double[] first = twice("w", 4);
        cache.release();
        w.set(0, 0, 10);  // changed while not held
        cache.hold(List.of(w));
        double[] again = twice("w", 4);
        assertSame(first, again, "the same array, filled again");
        assertArrayEquals(new double[] {20, 4, 6, 8}, again);
        assertEquals(2, fills.get());
        cache.release();
        cache.hold(List.of(w));
        assertNotSame(first, twice("w", 6), "another length: a new array");
    }

    @Test
    void onlyTheLastHoldsArraysAreKeptForReuse() {
        cache.hold(List.of(w));
        double[] a = twice("a", 4);
        cache.release();
        cache.hold(List.of(w));
        twice("b", 4);  // "a" not asked for in this hold
        cache.release();
        cache.hold(List.of(w));
        assertNotSame(a, twice("a", 4), "dropped: no array outlives a hold"
                + " that did not use it");
    }

    @Test
    void duringSetsTheThreadsCacheAndRestoresTheOneBefore() {
        KernelCache outer = new KernelCache();
        assertNull(KernelCache.current());
        AtomicInteger ran = new AtomicInteger();
        outer.during(() -> {
            ran.incrementAndGet();
            assertSame(outer, KernelCache.current());
            cache.during(() -> assertSame(cache, KernelCache.current()));
            assertSame(outer, KernelCache.current());
            assertThrows(IllegalStateException.class, () -> cache.during(
                    () -> {
                        throw new IllegalStateException("in the body");
                    }));
            assertSame(outer, KernelCache.current(), "after a throw too");
        });
        assertEquals(1, ran.get(), "the body ran once");
        assertNull(KernelCache.current());
    }
}
