package org.scratchformer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The machine's float64 peak, the rate no kernel can beat:
 *
 * <pre>
 * peak = cores × FMA units × lanes × 2 × clock
 * </pre>
 *
 * <p>2 because a fused multiply-add is two floating-point operations; lanes
 * are the doubles in one vector register (4 with AVX2, 8 with AVX-512).
 * The cores, the vector width and the clock come from {@code /proc/cpuinfo}
 * ("cpu MHz" is the clock the kernel reports, not a turbo clock). The number
 * of FMA units per core is not in it: two is assumed, as AVX2 cores since
 * Intel's Haswell and AMD's Zen 2 have.
 */
public record Peak(int cores, int fmaUnits, int lanes, double gigahertz) {
    static final int FMA_UNITS = 2;

    /** The peak in GFLOP per second. */
    public double gflops() {
        return cores * fmaUnits * lanes * 2 * gigahertz;
    }

    /** This machine's, or empty when /proc/cpuinfo cannot say. */
    public static Optional<Peak> ofThisMachine() {
        try {
            return of(Files.readAllLines(Path.of("/proc/cpuinfo")),
                    Runtime.getRuntime().availableProcessors());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();  // not Linux, or not readable
        }
    }

    /**
     * From the lines of /proc/cpuinfo (its first processor) and the number
     * of processors the JVM may use; empty without a clock or without FMA.
     */
    static Optional<Peak> of(List<String> cpuinfo, int processors) {
        String mhz = field(cpuinfo, "cpu MHz");
        String flags = field(cpuinfo, "flags");
        if (mhz == null || flags == null) {
            return Optional.empty();
        }
        List<String> has = Arrays.asList(flags.split("\\s+"));
        if (!has.contains("fma")) {
            return Optional.empty();
        }
        int lanes = has.contains("avx512f") ? 8 : 4;  // FMA comes with AVX
        // siblings counts hardware threads, cpu cores the cores they share
        String siblings = field(cpuinfo, "siblings");
        String perPackage = field(cpuinfo, "cpu cores");
        int cores = processors;
        if (siblings != null && perPackage != null) {
            cores = Math.max(1, processors * Integer.parseInt(perPackage)
                    / Integer.parseInt(siblings));
        }
        return Optional.of(new Peak(cores, FMA_UNITS, lanes,
                Double.parseDouble(mhz) / 1000));
    }

    /** The value of the first "name : value" line, or null. */
    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            String[] nameValue = line.split(":", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equals(name)) {
                return nameValue[1].trim();
            }
        }
        return null;
    }
}
