package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.GemmKernel;
import org.scratchformer.tensor.PlainKernel;
import org.scratchformer.tensor.Products;

/**
 * Products split over threads give the plain kernel's bits; the work and
 * the size limit the blocks; the flops are counted once; the workers'
 * threads are daemons and end when closed.
 */
class SplitKernelTest {
    static DMatrixRMaj random(Random random, int rows, int cols) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, random);
    }

    /** A·B and Aᵀ·(A·B) through Products on {@code kernel}. */
    static List<DMatrixRMaj> products(GemmKernel kernel, DMatrixRMaj a,
            DMatrixRMaj b) {
        Products.use(kernel);
        try {
            DMatrixRMaj c = Products.mult(a, b);
            return List.of(c, Products.multTransA(a, c));
        } finally {
            Products.use(new PlainKernel());
        }
    }

    // tag::same-bits[]
    @Test
    void oneTwoAndThreeThreadsGiveThePlainKernelsBits() {
        Random random = new Random(11);
        // large enough to be split: 130·90·70 multiply-adds
        DMatrixRMaj a = random(random, 130, 70);
        DMatrixRMaj b = random(random, 70, 90);
        List<DMatrixRMaj> plain = products(new PlainKernel(), a, b);
        for (int threads = 1; threads <= 3; threads++) {
            try (Workers workers = new Workers(threads)) {
                SplitKernel split = new SplitKernel(new PlainKernel(),
                        workers);
                assertEquals(threads, split.parts(130, 90, 70),
                        "split in " + threads);
                List<DMatrixRMaj> got = products(split, a, b);
                for (int i = 0; i < 2; i++) {
                    assertArrayEquals(plain.get(i).data, got.get(i).data,
                            0.0, threads + " threads, product " + i);
                }
            }
        }
    }
    // end::same-bits[]

    @Test
    void theVectorKernelSplitGivesThePlainBitsToo() {
        Random random = new Random(12);
        DMatrixRMaj a = random(random, 300, 130);
        DMatrixRMaj b = random(random, 130, 200);
        GemmKernel single = FastPath.hasVectorModule() ? new VectorKernel()
                : new PlainKernel();
        try (Workers workers = new Workers(2)) {
            List<DMatrixRMaj> got = products(new SplitKernel(single,
                    workers), a, b);
            List<DMatrixRMaj> plain = products(new PlainKernel(), a, b);
            assertArrayEquals(plain.get(0).data, got.get(0).data, 0.0);
            assertArrayEquals(plain.get(1).data, got.get(1).data, 0.0);
        }
    }

    @Test
    void aWideProductSplitsByColumnsWithThePlainBits() {
        Random random = new Random(13);
        // C (40, 300) = A (40, 64) · Bᵀ, B stored (300, 64): wider than tall
        DMatrixRMaj a = random(random, 40, 64);
        DMatrixRMaj b = random(random, 300, 64);
        try (Workers workers = new Workers(2)) {
            SplitKernel split = new SplitKernel(new PlainKernel(), workers);
            assertEquals(2, split.parts(40, 300, 64), "split in two");
            Products.use(split);
            DMatrixRMaj got;
            try {
                got = Products.multTransB(a, b);
            } finally {
                Products.use(new PlainKernel());
            }
            assertArrayEquals(Products.multTransB(a, b).data, got.data, 0.0);
        }
    }

    @Test
    void theWorkAndTheSizeLimitTheParts() {
        try (Workers workers = new Workers(4)) {
            SplitKernel split = new SplitKernel(new PlainKernel(), workers);
            // 2^19 multiply-adds: work for 2 threads of 2^18 each
            assertEquals(2, split.parts(512, 64, 16));
            // 16 columns at most: 16 / 8 = 2 blocks, whatever the work
            assertEquals(2, split.parts(16, 16, 1 << 16));
            assertEquals(4, split.parts(512, 512, 512));
            int[] inside = new int[2];
            workers.each(2, i -> inside[i] = split.parts(512, 512, 512));
            assertArrayEquals(new int[] {1, 1}, inside, "inside a task");
        }
    }

    @Test
    void aSplitCutsBlocksOfMultiplesOfEight() {
        assertEquals(8, Workers.blockSize(16, 2));
        assertEquals(16, Workers.blockSize(17, 2));
        assertEquals(72, Workers.blockSize(130, 2));
        assertEquals(48, Workers.blockSize(130, 3));
        assertEquals(136, Workers.blockSize(130, 1));
    }

    @Test
    void theCounterHandsEveryProductOn() {
        PlainKernel plain = new PlainKernel();
        CountingKernel counter = new CountingKernel(plain);
        assertSame(plain, counter.counted());
        assertEquals("plain", counter.name());
        Random random = new Random(21);
        DMatrixRMaj a = random(random, 7, 5);
        DMatrixRMaj b = random(random, 5, 3);
        assertArrayEquals(products(plain, a, b).get(0).data,
                products(counter, a, b).get(0).data, 0.0);
    }

    @Test
    void everyProductCountsTwoFlopsPerMultiplyAddOnceHoweverSplit() {
        Random random = new Random(19);
        try (Workers workers = new Workers(2)) {
            CountingKernel counter = new CountingKernel(new SplitKernel(
                    new PlainKernel(), workers));
            products(counter, random(random, 3, 4), random(random, 4, 5));
            // (3,4)·(4,5), then (4,3)ᵀ... Aᵀ (4, 3) · C (3, 5)
            assertEquals(2 * 3 * 5 * 4 + 2 * 4 * 5 * 3, counter.flops());
            long start = counter.flops();
            products(counter, random(random, 130, 70),
                    random(random, 70, 90));
            assertEquals(2L * 130 * 90 * 70 + 2L * 70 * 90 * 130,
                    counter.flops() - start, "split in two, counted once");
        }
    }

    static List<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("scratchformer-worker-"))
                .filter(Thread::isAlive).toList();
    }

    @Test
    void theWorkersAreDaemonsAndEndWhenClosed() throws Exception {
        List<Thread> others = workerThreads();  // other pools' threads
        Random random = new Random(23);
        DMatrixRMaj a = random(random, 130, 70);
        DMatrixRMaj b = random(random, 70, 90);
        Workers workers = new Workers(2);
        SplitKernel split = new SplitKernel(new PlainKernel(), workers);
        // in 2 blocks, one on a pool thread; called from a thread that is
        // not a daemon, whose new threads would not be daemons either
        Thread caller = new Thread(() -> products(split, a, b));
        caller.setDaemon(false);
        caller.start();
        caller.join();
        List<Thread> pool = new java.util.ArrayList<>(workerThreads());
        pool.removeAll(others);
        assertEquals(1, pool.size(), pool.toString());
        assertTrue(pool.get(0).isDaemon(), "would keep the JVM running");
        workers.close();
        pool.get(0).join(10_000);
        assertFalse(pool.get(0).isAlive(), "closed, the pool still runs");
    }
}
