package org.scratchformer.bench;

import java.lang.management.ManagementFactory;

/**
 * The three readings a measurement takes, each a count that only grows:
 * wall-clock time, the process's CPU time and the bytes allocated. Bench
 * and ProductBench report differences of them; {@link #SYSTEM} reads this
 * JVM, and a test hands in fake clocks whose readings say exactly what
 * every rate must be.
 */
interface Clocks {
    /** This JVM's: System.nanoTime and HotSpot's management beans. */
    Clocks SYSTEM = new SystemClocks(
            ManagementFactory.getOperatingSystemMXBean(),
            ManagementFactory.getThreadMXBean());

    /** Wall-clock time in nanoseconds, from an arbitrary origin. */
    long nanoTime();

    /** CPU time of the whole process so far in nanoseconds; -1: unknown. */
    long cpuNanos();

    /** Bytes allocated so far by the live threads; -1: unknown. */
    long allocatedBytes();
}
