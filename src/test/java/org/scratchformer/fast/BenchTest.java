package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Bench counts (its timings are not tested), and the machine's peak
 * from /proc/cpuinfo's lines.
 */
class BenchTest {
    @Test
    void theCountedOperationsOfAWorkloadStepAreItsFormula() {
        Bench.Result r = Bench.run(new Workload(1), 0, 2);
        assertEquals(2 * Workload.flopsPerStep(), r.flops());
        assertEquals(Workload.flopsPerStep(), r.flopsPerStep(), 0.0);
        assertEquals(2 * Workload.ROWS, r.tokens());
        assertTrue(r.totalSeconds() >= r.medianSeconds(), r.toString());
    }

    static final List<String> EPYC = List.of(
            "processor\t: 0",
            "model name\t: AMD EPYC",
            "cpu MHz\t\t: 2445.432",
            "siblings\t: 2",
            "cpu cores\t: 2",
            "flags\t\t: fpu sse2 avx fma avx2 bmi2",
            "",
            "processor\t: 1");

    @Test
    void thePeakIsCoresTimesFmaUnitsTimesLanesTimesTwoTimesTheClock() {
        Peak peak = Peak.of(EPYC, 2).orElseThrow();
        assertEquals(new Peak(2, 2, 4, 2.445432), peak);
        assertEquals(2 * 2 * 4 * 2 * 2.445432, peak.gflops(), 1e-9);
    }

    @Test
    void hyperThreadsAreNotCores() {
        List<String> smt = EPYC.stream().map(line -> line.startsWith(
                "siblings") ? "siblings\t: 4" : line).toList();
        assertEquals(2, Peak.of(smt, 4).orElseThrow().cores());
    }

    @Test
    void avx512HasEightLanes() {
        List<String> wide = EPYC.stream().map(line -> line.startsWith(
                "flags") ? line + " avx512f" : line).toList();
        assertEquals(8, Peak.of(wide, 2).orElseThrow().lanes());
    }

    @Test
    void withoutAClockOrFmaThePeakIsUnknown() {
        assertEquals(Optional.empty(), Peak.of(EPYC.stream().filter(
                line -> !line.startsWith("cpu MHz")).toList(), 2));
        assertEquals(Optional.empty(), Peak.of(EPYC.stream().map(
                line -> line.replace(" fma", "")).toList(), 2));
    }
}
