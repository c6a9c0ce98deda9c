package org.scratchformer.bench;

import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * The clocks of a JVM: System.nanoTime, and the CPU time and allocated
 * bytes that HotSpot's extensions of the management beans report. A JVM
 * without them reads -1 for both.
 */
record SystemClocks(OperatingSystemMXBean system, ThreadMXBean threads)
        implements Clocks {
    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** CPU time of the whole process so far: all threads, GC and JIT. */
    @Override
    public long cpuNanos() {
        if (system instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Bytes allocated so far by every live thread (HotSpot's counters): the
     * pool's threads run shards and blocks of a step too. A thread that
     * ended takes its count with it; the pool's threads live as long as
     * the program.
     */
    @Override
    public long allocatedBytes() {
        if (threads instanceof com.sun.management.ThreadMXBean hotspot) {
            long sum = 0;
            for (long bytes : hotspot.getThreadAllocatedBytes(
                    hotspot.getAllThreadIds())) {
                sum += Math.max(bytes, 0);  // -1: ended meanwhile
            }
            return sum;
        }
        return -1;
    }
}
