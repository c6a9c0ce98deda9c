package org.scratchformer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.fast.CountingKernel;
import org.scratchformer.tensor.PlainKernel;

/**
 * Bench and ProductBench on fake clocks: every time, CPU time and byte
 * count is scripted, so each reported number is exactly what the
 * readings imply, and the warm-up is seen to count for nothing.
 */
class FakeClocksTest {
    final FakeClocks clocks = new FakeClocks();
    final CountingKernel counter = new CountingKernel(new PlainKernel());

    /**
     * Steps that take scripted wall time, CPU time and bytes, run a product
     * of scripted rows through the counter (2·m operations), and train on
     * scripted tokens; the loss of step n (from 1) is n / 4.
     */
    final class ScriptedSteps implements TrainingStep {
        final long[] wall;
        final long[] cpu;
        final long[] bytes;
        final int[] rows;
        final int[] tokens;
        int calls;

        ScriptedSteps(long[] wall, long[] cpu, long[] bytes, int[] rows,
                int[] tokens) {
            this.wall = wall;
            this.cpu = cpu;
            this.bytes = bytes;
            this.rows = rows;
            this.tokens = tokens;
        }

        @Override
        public double step() {
            int m = rows[calls];
            counter.gemm(false, false, m, 1, 1, new double[m], 0, 1,
                    new double[1], 0, 1, new double[m], 0, 1, false);
            clocks.advance(wall[calls], cpu[calls], bytes[calls]);
            calls++;
            return calls / 4.0;
        }

        @Override
        public int tokens() {
            return tokens[calls - 1];
        }
    }

    /** Two warm-up steps that take far more of everything than the rest. */
    ScriptedSteps twoWarmupAndFourTimed() {
        return new ScriptedSteps(
                new long[] {9_000_000_000L, 9_000_000_000L,
                    300_000_000, 100_000_000, 400_000_000, 200_000_000},
                new long[] {9_000_000_000L, 9_000_000_000L,
                    500_000_000, 700_000_000, 200_000_000, 600_000_000},
                new long[] {999_000_000, 999_000_000,
                    1_000_000, 3_000_000, 2_000_000, 6_000_000},
                new int[] {9_999, 9_999, 100, 200, 300, 400},
                new int[] {999, 999, 10, 20, 30, 40});
    }

    @Test
    void theTimedStepsGiveExactlyTheRatesTheirReadingsImply() {
        ScriptedSteps steps = twoWarmupAndFourTimed();
        Bench.Result r = Bench.run(steps, 2, 4, counter, clocks);

        assertEquals(6, steps.calls, "two warm-up steps, four timed");
        assertEquals(4, r.steps());
        // the steps took 0.3, 0.1, 0.4 and 0.2 s: sorted 0.1 0.2 0.3 0.4,
        // the median is the upper middle one (index 4 / 2)
        assertEquals(0.3, r.medianSeconds(), 0.0, r.toString());
        assertEquals(0.1, r.minSeconds(), 0.0, "the fastest step");
        assertEquals(1.0, r.totalSeconds(), 1e-15);
        assertEquals(1 / 0.3, r.stepsPerSecond(), 1e-12);
        assertEquals(10 + 20 + 30 + 40, r.tokens());
        assertEquals(100 / 1.0, r.tokensPerSecond(), 1e-12);
        assertEquals(2 * (100 + 200 + 300 + 400), r.flops());
        assertEquals(2000 / 4.0, r.flopsPerStep(), 0.0);
        assertEquals(2000 / 1.0 / 1e9, r.gflops(), 1e-20);
        // (1 + 3 + 2 + 6) MB over 4 steps; (0.5 + 0.7 + 0.2 + 0.6) s over 4
        assertEquals(3_000_000, r.bytesPerStep());
        assertEquals(0.5, r.cpuSecondsPerStep(), 1e-15);
        assertEquals(6 / 4.0, r.lastLoss(), 0.0, "the last step's loss");
    }

    @Test
    void withoutWarmupEveryStepIsTimed() {
        ScriptedSteps steps = twoWarmupAndFourTimed();
        Bench.Result r = Bench.run(steps, 0, 3, counter, clocks);

        assertEquals(3, steps.calls);
        // 9, 9 and 0.3 s
        assertEquals(9.0, r.medianSeconds(), 0.0, "the long steps count");
        assertEquals(0.3, r.minSeconds(), 0.0);
        assertEquals(18.3, r.totalSeconds(), 1e-12);
        assertEquals(999 + 999 + 10, r.tokens());
        assertEquals(2 * (9_999 + 9_999 + 100), r.flops());
        assertEquals((999_000_000 + 999_000_000 + 1_000_000) / 3,
                r.bytesPerStep());
        assertEquals(18.5 / 3, r.cpuSecondsPerStep(), 1e-12);
    }

    @Test
    void oneTimedStepIsItsOwnMedianFastestAndTotal() {
        Bench.Result r = Bench.run(twoWarmupAndFourTimed(), 2, 1, counter,
                clocks);
        assertEquals(0.3, r.medianSeconds(), 0.0);
        assertEquals(0.3, r.minSeconds(), 0.0);
        assertEquals(0.3, r.totalSeconds(), 0.0);
        assertEquals(0.5, r.cpuSecondsPerStep(), 0.0);
        assertEquals(1_000_000, r.bytesPerStep());
    }

    /**
     * A call that returns {@code result} and advances the clocks by its
     * script, one entry per call: the agreement check first, then each
     * round's calls, the warm-up round's first. A call past the script
     * fails.
     */
    Supplier<DMatrixRMaj> scripted(DMatrixRMaj result, long[] wall,
            long[] cpu) {
        int[] calls = {0};
        return () -> {
            int call = calls[0]++;
            clocks.advance(wall[call], cpu[call], 0);
            return result;
        };
    }

    static final double S = 1e9;  // nanoseconds in a second

    /**
     * The script of 1 check call, then 3 + 1 rounds of 2 calls: the
     * warm-up's calls take 50 s each; the timed rounds' take
     * {@code scale} × 0.25, 0.125 and 0.5 s of wall time, and
     * {@code scale} × 1, 0.5 and 2 s of CPU time.
     */
    Supplier<DMatrixRMaj> scripted(DMatrixRMaj result, long scale) {
        long q = (long) (0.125 * S) * scale;  // an eighth of a second
        long c = (long) (0.5 * S) * scale;
        long warm = (long) (50 * S);
        return scripted(result,
                new long[] {warm, warm, warm, 2 * q, 2 * q, q, q, 4 * q,
                    4 * q},
                new long[] {warm, warm, warm, 2 * c, 2 * c, c, c, 4 * c,
                    4 * c});
    }

    static DMatrixRMaj filled(double value) {
        DMatrixRMaj m = new DMatrixRMaj(2, 3);
        m.fill(value);
        return m;
    }

    @Test
    void aProductsRatesAreExactlyWhatItsReadingsImply() {
        DMatrixRMaj y = filled(1);
        List<ProductBench.Line> lines = ProductBench.run(3, 2, clocks,
                List.of(new ProductBench.Product("P", scripted(y, 1),
                        scripted(y, 2)),
                        new ProductBench.Product("Q", scripted(y, 3),
                                scripted(y, 4))));

        assertEquals(List.of("P", "P", "Q", "Q"), lines.stream()
                .map(ProductBench.Line::product).toList());
        assertEquals(List.of("Products", "EJML", "Products", "EJML"),
                lines.stream().map(ProductBench.Line::by).toList());
        for (int i = 0; i < 4; i++) {
            int scale = i + 1;
            ProductBench.Line line = lines.get(i);
            // rounds of 2 calls: scale × 0.5, 0.25 and 1 s, median 0.5;
            // the warm-up round's 100 s are not among them
            assertEquals(ProductBench.FLOPS * 2 / (0.5 * scale) / 1e9,
                    line.gflops(), 1e-9, line.toString());
            // CPU: scale × (2 + 1 + 4) s over all three rounds
            assertEquals(ProductBench.FLOPS * 2 * 3 / (7.0 * scale) / 1e9,
                    line.gflopsPerCpuSecond(), 1e-9, line.toString());
        }
    }

    @Test
    void theWarmupRoundIsRunButNotCounted() {
        DMatrixRMaj y = filled(1);
        int[] calls = {0};
        Supplier<DMatrixRMaj> counted = () -> {
            calls[0]++;
            long t = calls[0] <= 4 ? (long) (50 * S) : (long) S;
            clocks.advance(t, t, 0);
            return y;
        };
        // one round of one call, 1 s; the check's and the warm-up's calls
        // took 50 s each
        List<ProductBench.Line> lines = ProductBench.run(1, 1, clocks,
                List.of(new ProductBench.Product("P", counted, counted)));
        assertEquals(2 + 2 + 2, calls[0], "check, warm-up, one round");
        assertEquals(ProductBench.FLOPS / 1e9, lines.get(1).gflops(), 1e-9);
        assertEquals(ProductBench.FLOPS / 1e9,
                lines.get(1).gflopsPerCpuSecond(), 1e-9);
    }

    @Test
    void aProductWhoseTwoCallsDisagreeIsNotTimed() {
        DMatrixRMaj y = filled(1);
        Supplier<DMatrixRMaj> ejml = () -> y;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProductBench.run(1, 1, clocks, List.of(
                        new ProductBench.Product("A·B",
                                () -> filled(1 + 1e-6), ejml))));
        assertEquals("A·B through Products differs from EJML's by more"
                + " than 1.0E-9: not timed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> ProductBench.run(1,
                1, clocks, List.of(new ProductBench.Product("A·B",
                        () -> new DMatrixRMaj(3, 2),
                        () -> new DMatrixRMaj(2, 3)))),
                "a product of the wrong shape");
        assertEquals(2, ProductBench.run(1, 1, clocks, List.of(
                new ProductBench.Product("A·B", () -> filled(1 + 1e-12),
                        ejml))).size(), "rounding is not a difference");
    }
}
