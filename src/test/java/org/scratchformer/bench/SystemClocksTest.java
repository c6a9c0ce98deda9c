package org.scratchformer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * This JVM's clocks move with work done; a JVM without HotSpot's beans
 * reads -1 rather than a number that looks measured.
 */
class SystemClocksTest {
    @Test
    void theClocksOfTimeAllocationAndCpuTimeMove() {
        Clocks clocks = Clocks.SYSTEM;
        long nanos = clocks.nanoTime();
        long bytes = clocks.allocatedBytes();
        long cpu = clocks.cpuNanos();
        double[][] garbage = new double[64][];
        long spin = 0;
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new double[16_384];  // 8 MB in all
            for (int k = 0; k < 200_000; k++) {
                spin += k ^ i;
            }
        }
        assertTrue(clocks.allocatedBytes() - bytes >= 8_000_000L,
                "allocated " + (clocks.allocatedBytes() - bytes) + spin);
        assertTrue(clocks.cpuNanos() > cpu, "CPU time");
        assertTrue(clocks.nanoTime() > nanos, "wall-clock time");
        assertEquals(64, garbage.length);
    }

    /** A bean of {@code type} that answers nothing it is asked. */
    static <T> T silent(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    @Test
    void withoutHotSpotsBeansCpuTimeAndAllocationAreUnknown() {
        Clocks clocks = new SystemClocks(silent(OperatingSystemMXBean.class),
                silent(ThreadMXBean.class));
        assertEquals(-1, clocks.cpuNanos());
        assertEquals(-1, clocks.allocatedBytes());
    }

    @Test
    void aThreadThatEndedWhileItWasReadCountsNothing() {
        // HotSpot reads -1 for a thread that ended between the two calls
        com.sun.management.ThreadMXBean threads = (com.sun.management
                .ThreadMXBean) Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {
                            com.sun.management.ThreadMXBean.class},
                        (proxy, method, args) -> switch (method.getName()) {
                            case "getAllThreadIds" -> new long[] {1, 2, 3};
                            case "getThreadAllocatedBytes" ->
                                    new long[] {100, -1, 50};
                            default -> throw new UnsupportedOperationException(
                                    method.getName());
                        });
        Clocks clocks = new SystemClocks(silent(OperatingSystemMXBean.class),
                threads);
        assertEquals(150, clocks.allocatedBytes());
    }
}
