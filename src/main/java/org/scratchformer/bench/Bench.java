package org.scratchformer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.scratchformer.fast.CountingKernel;

/**
 * Times training steps of a {@link TrainingStep}: the median step, the
 * tokens and the products' floating-point operations per second, the bytes
 * the process's threads allocate per step, and the process's CPU time.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * What one run measured. Steps per second come from the median step;
     * tokens and operations per second from the sums over the timed steps
     * and their total time, since the steps differ in size.
     */
    public record Result(int steps, double medianSeconds, double minSeconds,
            double totalSeconds, long tokens, long flops, long bytesPerStep,
            double cpuSecondsPerStep, double lastLoss) {
        public double stepsPerSecond() {
            return 1 / medianSeconds;
        }

        public double tokensPerSecond() {
            return tokens / totalSeconds;
        }

        /** Floating-point operations of the products per timed step. */
        public double flopsPerStep() {
            return (double) flops / steps;
        }

        public double gflops() {
            return flops / totalSeconds / 1e9;
        }
    }

    // tag::measure[]
    /**
     * Runs {@code warmup} untimed steps, then times {@code steps}; the
     * products' operations are read from {@code counter}, which must be
     * the kernel the products run on.
     */
    public static Result run(TrainingStep workload, int warmup, int steps,
            CountingKernel counter) {
        return run(workload, warmup, steps, counter, Clocks.SYSTEM);
    }

    /** The same, with the times and bytes read from {@code clocks}. */
    static Result run(TrainingStep workload, int warmup, int steps,
            CountingKernel counter, Clocks clocks) {
        for (int i = 0; i < warmup; i++) {
            workload.step();
        }
        double[] seconds = new double[steps];
        long tokens = 0;
        long bytesBefore = clocks.allocatedBytes();
        long cpuBefore = clocks.cpuNanos();
        long flopsBefore = counter.flops();
        double loss = Double.NaN;
        for (int i = 0; i < steps; i++) {
            long start = clocks.nanoTime();
            loss = workload.step();
            seconds[i] = (clocks.nanoTime() - start) / 1e9;
            tokens += workload.tokens();
        }
        long flops = counter.flops() - flopsBefore;
        long bytes = (clocks.allocatedBytes() - bytesBefore) / steps;
        double cpu = (clocks.cpuNanos() - cpuBefore) / 1e9 / steps;
        double total = Arrays.stream(seconds).sum();
        Arrays.sort(seconds);
        return new Result(steps, seconds[steps / 2], seconds[0], total,
                tokens, flops, bytes, cpu, loss);
    }
    // end::measure[]

    /** The heap in use after a full collection, at one step. */
    public record HeapPoint(int step, long bytes) {
    }

    // tag::heap[]
    /**
     * Runs {@code steps} training steps and measures the heap in use after
     * a full collection before the first and every {@code every} steps: a
     * graph kept alive by mistake, or a cache that grows, shows as a line
     * that climbs.
     */
    public static List<HeapPoint> heap(TrainingStep workload, int steps,
            int every) {
        List<HeapPoint> points = new ArrayList<>();
        heap(workload, steps, every, points::add);
        return points;
    }

    /** The same, handing each point to {@code each} as it is measured. */
    public static void heap(TrainingStep workload, int steps, int every,
            Consumer<HeapPoint> each) {
        each.accept(new HeapPoint(0, heapAfterCollection()));
        for (int step = 1; step <= steps; step++) {
            workload.step();
            if (step % every == 0 || step == steps) {
                each.accept(new HeapPoint(step, heapAfterCollection()));
            }
        }
    }
    // end::heap[]

    /**
     * Heap in use after System.gc(), twice (the second collects what the
     * first only finalised); with G1, System.gc() is a full collection.
     */
    static long heapAfterCollection() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
