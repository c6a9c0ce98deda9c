package org.scratchformer.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scratchformer.fast.CountingKernel;
import org.scratchformer.tensor.PlainKernel;
import org.scratchformer.tensor.Products;

/**
 * What Bench counts on real steps (no speed is asserted; the arithmetic of
 * the times is FakeClocksTest's), and the machine's peak from
 * /proc/cpuinfo's lines.
 */
class BenchTest {
    /** Bench.run with the products counted on the plain kernel. */
    static Bench.Result run(TrainingStep workload, int warmup, int steps) {
        CountingKernel counter = new CountingKernel(new PlainKernel());
        Products.use(counter);
        try {
            return Bench.run(workload, warmup, steps, counter);
        } finally {
            Products.use(new PlainKernel());
        }
    }

    @Test
    void theCountedOperationsOfAWorkloadStepAreItsFormula() {
        Bench.Result r = run(new Workload(1), 0, 2);
        assertEquals(2 * Workload.flopsPerStep(), r.flops());
        assertEquals(Workload.flopsPerStep(), r.flopsPerStep(), 0.0);
        assertEquals(2 * Workload.ROWS, r.tokens());
        assertTrue(r.totalSeconds() >= r.medianSeconds(), r.toString());
    }

    @Test
    void regressionGuardTheWorkloadsThirdLossIsTheOnePrintedOnce() {
        // A regression guard, not an independent check: the third step's
        // loss as the program printed it once, pinned so that two machines
        // or two builds time the same training. Every op in it is checked
        // on its own (gradient checks, golden values); a change that is
        // meant to alter the arithmetic must say why and pin the new value.
        Bench.Result r = run(new Workload(1), 1, 2);
        assertEquals(3.513755841979222, r.lastLoss(), 1e-9);
    }

    @Test
    void theRatesAreTheCountsOverTheTimes() {
        Bench.Result r = new Bench.Result(4, 0.5, 0.25, 2.0, 1000, 6_000_000_000L,
                100, 0.1, 1.5);
        assertEquals(2.0, r.stepsPerSecond());
        assertEquals(500.0, r.tokensPerSecond());
        assertEquals(1.5e9, r.flopsPerStep());
        assertEquals(3.0, r.gflops());
    }

    /** Steps that allocate 1 MiB each and keep it until the next. */
    static final class Allocating implements TrainingStep {
        byte[] allocated;

        @Override
        public double step() {
            allocated = new byte[1 << 20];
            return allocated.length;
        }

        @Override
        public int tokens() {
            return 1;
        }
    }

    @Test
    void theRunReadsThisJvmsClocks() {
        // the arithmetic is FakeClocksTest's; here only the clocks it reads
        Bench.Result r = run(new Allocating(), 1, 3);
        assertTrue(r.bytesPerStep() >= 1 << 20
                && r.bytesPerStep() < (1 << 20) + (1 << 16), r.toString());
    }

    @Test
    void theProductBenchTakesTheMiddleOfTheRounds() {
        double[] rounds = {3, 1, 2};
        assertEquals(2, ProductBench.median(rounds));
        assertEquals(3, ProductBench.median(new double[] {4, 1, 3, 2}));
        assertArrayEquals(new double[] {3, 1, 2}, rounds, "left as it was");
        assertEquals(6.5, ProductBench.sum(new double[] {1, 2, 3.5}));
    }

    @Test
    void thisMachinesPeakIsReadFromProcCpuinfo() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        assumeTrue(Files.isReadable(cpuinfo), "no /proc/cpuinfo here");
        assertEquals(Peak.of(Files.readAllLines(cpuinfo),
                Runtime.getRuntime().availableProcessors()),
                Peak.ofThisMachine());
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

    @Test
    void theProductBenchTimesEachProductThroughProductsAndEjml() {
        List<ProductBench.Line> lines = ProductBench.run(1, 1);
        assertEquals(List.of("Products", "EJML", "Products", "EJML",
                "Products", "EJML"), lines.stream()
                        .map(ProductBench.Line::by).toList());
        assertEquals(3, lines.stream().map(ProductBench.Line::product)
                .distinct().count(), lines.toString());
        for (ProductBench.Line line : lines) {
            assertTrue(line.gflops() > 0 && Double.isFinite(line.gflops())
                    && line.gflopsPerCpuSecond() > 0, line.toString());
        }
    }

    @Test
    void aProductsRatesAreItsFlopsOverTheMedianRoundAndTheCpuTime() {
        // 3 rounds of 2 calls: wall 0.5, 0.25, 1 s (median 0.5); CPU 3 s
        ProductBench.Line line = ProductBench.line("A·B", "Products", 2,
                new double[] {0.5, 0.25, 1}, new double[] {1, 1, 1});
        assertEquals(ProductBench.FLOPS * 2 / 0.5 / 1e9, line.gflops(), 1e-9);
        assertEquals(ProductBench.FLOPS * 2 * 3 / 3.0 / 1e9,
                line.gflopsPerCpuSecond(), 1e-9);
        assertEquals("A·B", line.product());
        assertEquals("Products", line.by());
    }
}
