package org.scratchformer.fast;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Times {@link Workload} steps: the median step, the bytes the calling
 * thread allocates per step, and the rate of the products' arithmetic.
 */
public final class Bench {
    private Bench() {
    }

    /** What one run measured. */
    public record Result(int steps, double medianSeconds, double minSeconds,
            long bytesPerStep, double cpuSecondsPerStep, double lastLoss) {
        public double stepsPerSecond() {
            return 1 / medianSeconds;
        }

        public double tokensPerSecond() {
            return Workload.ROWS / medianSeconds;
        }

        public double gflops() {
            return Workload.flopsPerStep() / medianSeconds / 1e9;
        }
    }

    // tag::measure[]
    /** Runs {@code warmup} untimed steps, then times {@code steps}. */
    public static Result run(Workload workload, int warmup, int steps) {
        for (int i = 0; i < warmup; i++) {
            workload.step();
        }
        double[] seconds = new double[steps];
        long bytesBefore = allocatedBytes();
        long cpuBefore = processCpuNanos();
        double loss = Double.NaN;
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            loss = workload.step();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        long bytes = (allocatedBytes() - bytesBefore) / steps;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9 / steps;
        Arrays.sort(seconds);
        return new Result(steps, seconds[steps / 2], seconds[0], bytes, cpu,
                loss);
    }
    // end::measure[]

    /** CPU time of the whole process so far: all threads, GC and JIT. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Bytes allocated so far by the calling thread (HotSpot's counter). */
    static long allocatedBytes() {
        java.lang.management.ThreadMXBean threads =
                ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean hotspot) {
            return hotspot.getThreadAllocatedBytes(
                    Thread.currentThread().getId());
        }
        return -1;
    }
}
