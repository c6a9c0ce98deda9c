package org.scratchformer.bench;

/**
 * Clocks that move only when told to: a fake step or product advances
 * them by what it is scripted to take, so a test knows every reading.
 */
final class FakeClocks implements Clocks {
    long nanos = 1_000;        // any origin: only differences count
    long cpuNanos = 2_000;
    long allocatedBytes = 3_000;

    /** The time, CPU time and bytes that one piece of work takes. */
    void advance(long wall, long cpu, long bytes) {
        nanos += wall;
        cpuNanos += cpu;
        allocatedBytes += bytes;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long cpuNanos() {
        return cpuNanos;
    }

    @Override
    public long allocatedBytes() {
        return allocatedBytes;
    }
}
