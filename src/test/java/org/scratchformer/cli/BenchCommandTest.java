package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scratchformer.bench.Bench;
import org.scratchformer.bench.Peak;
import org.scratchformer.bench.Workload;

/**
 * The bench command's options and the lines it prints; its timings are not
 * tested, only run, and the lines are checked on a result made by hand.
 */
class BenchCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.run(new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    /** The first word of each line: what bench_side_by_side.py reads. */
    List<String> keys() {
        return out.toString().lines().map(line -> line.split(" ")[0])
                .toList();
    }

    @Test
    void theReferenceModelIsTheDefaultAndEveryLineIsPrinted() {
        assertEquals(0, run("bench", "--steps", "1", "--warmup", "0"),
                err.toString());
        assertEquals(List.of("model", "code", "kernel", "peak", "steps/s",
                "tokens/s", "GFLOP/s", "GFLOP", "allocated", "CPU", "loss"),
                keys(), out.toString());
        assertTrue(out.toString().startsWith("model      reference"
                + " Transformer: d_model 128, 4 heads, d_ff 512, 2 + 2"
                + " layers"), out.toString());
    }

    @Test
    void theWorkloadCountsItsFormulasOperations() {
        assertEquals(0, run("bench", "--model", "workload", "--steps",
                "1", "--warmup", "0", "--threads", "1"), err.toString());
        assertTrue(out.toString().contains("GFLOP      " + String.format(
                Locale.ROOT, "%.3f", Workload.flopsPerStep() / 1e9)),
                out.toString());
        assertTrue(out.toString().contains("kernel     ")
                && out.toString().contains(", 1 thread\n"), out.toString());
    }

    /**
     * 4 steps: median 0.25 s, fastest 0.2 s, 1.25 s in all; 5,000 tokens,
     * 10 GFLOP, 12.34 MB and 0.4321 CPU s per step; after 3 warm-up steps.
     */
    String printed(Optional<Peak> peak) {
        BenchCommand command = new BenchCommand();
        command.warmup = 3;
        command.steps = 4;
        command.printResult(new PrintWriter(out, true), new Bench.Result(4,
                0.25, 0.2, 1.25, 5_000, 10_000_000_000L, 12_340_000, 0.4321,
                2.5), peak);
        return out.toString();
    }

    @Test
    void thePrintedRatesAreTheResultsOwn() {
        // 2 cores × 2 FMA units × 8 lanes × 2 × 2.5 GHz = 160 GFLOP/s
        assertEquals("""
                steps/s    4.00 (median of 4 steps; fastest 5.00)
                tokens/s   4000 (5000 tokens trained on in the timed steps\
                 / their time)
                GFLOP/s    8.0 (the products' counted operations / the\
                 timed steps' time; 5% of peak)
                GFLOP      2.500 per step (2·m·n·k for every product,\
                 counted as Products runs it)
                allocated  12.3 MB per step
                CPU        0.432 s per step (every thread of the process,\
                 GC and JIT included)
                loss       2.50000 after 7 steps
                """, printed(Optional.of(new Peak(2, 2, 8, 2.5))));
    }

    @Test
    void withoutAPeakNoShareOfItIsPrinted() {
        assertTrue(printed(Optional.empty()).contains("GFLOP/s    8.0 (the"
                + " products' counted operations / the timed steps'"
                + " time)\n"), out.toString());
    }

    @Test
    void anUnknownModelIsRefused() {
        assertEquals(2, run("bench", "--model", "gpt"));
        assertTrue(err.toString().contains("--model must be reference or"
                + " workload, got 'gpt'"), err.toString());
    }

    @Test
    void zeroStepsIsRefusedInOneSentence() {
        assertEquals(2, run("bench", "--steps", "0"));
        assertTrue(err.toString().contains("--steps must be at least 1"),
                err.toString());
    }

    @Test
    void theMicroBatchesAreNamedAndBounded() {
        assertEquals(0, run("bench", "--steps", "1", "--warmup", "0",
                "--micro-batches", "2"), err.toString());
        assertTrue(out.toString().contains("pairs in turn, each in 2"
                + " micro-batches\n"), out.toString());
        assertEquals(2, run("bench", "--micro-batches", "65"));
        assertTrue(err.toString().contains("--micro-batches must be 1 to 64, for"
                + " the reference model only, got 65 for reference"),
                err.toString());
        assertEquals(2, run("bench", "--model", "workload", "--micro-batches",
                "2"));
        assertTrue(err.toString().contains("got 2 for workload"),
                err.toString());
    }

    @Test
    void zeroThreadsIsRefused() {
        assertEquals(2, run("bench", "--threads", "0"));
        assertTrue(err.toString().contains("--threads must be at least 1"),
                err.toString());
    }
}
