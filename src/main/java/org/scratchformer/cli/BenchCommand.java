package org.scratchformer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchformer.fast.Bench;
import org.scratchformer.fast.ProductBench;
import org.scratchformer.fast.Workload;
import org.scratchformer.tensor.Products;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Times training steps of chapter 13's workload and prints the rates. */
@Command(name = "bench",
        description = "Time training steps of the benchmark workload (768"
                + " token rows, d_model 128, d_ff 512, vocabulary 40, four"
                + " blocks, cross-entropy, backward, Adam) and print steps/s,"
                + " tokens/s, GFLOP/s and allocation per step.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--steps", defaultValue = "30",
            description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "10",
            description = "Untimed steps first, for the JIT (default:"
                    + " ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", description = "Threads for the matrix"
            + " products (default: the number of processors).")
    Integer threads;

    @Option(names = "--products", description = "Time the feed-forward"
            + " products at the model's shapes, through Products and EJML,"
            + " instead of training steps.")
    boolean products;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the model and data (default:"
                    + " ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (steps < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--steps must"
                    + " be at least 1 and --warmup at least 0, got "
                    + steps + " and " + warmup);
        }
        if (threads != null) {
            if (threads < 1) {
                throw new ParameterException(spec.commandLine(),
                        "--threads must be at least 1, got " + threads);
            }
            Products.setThreads(threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (products) {
            printProducts(out);
            return 0;
        }
        Bench.Result r = Bench.run(new Workload(seed), warmup, steps);
        out.printf(Locale.ROOT, "workload   %d rows, d_model %d, d_ff %d,"
                + " vocabulary %d, %d blocks: %.2f GFLOP per step%n",
                Workload.ROWS, Workload.WIDTH, Workload.HIDDEN,
                Workload.VOCAB, Workload.BLOCKS,
                Workload.flopsPerStep() / 1e9);
        out.printf(Locale.ROOT, "kernel     %s, %d thread%s%n",
                Products.kernelName(), Products.threads(),
                Products.threads() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "steps/s    %.2f (median of %d steps;"
                + " fastest %.2f)%n", r.stepsPerSecond(), r.steps(),
                1 / r.minSeconds());
        out.printf(Locale.ROOT, "tokens/s   %.0f%n", r.tokensPerSecond());
        out.printf(Locale.ROOT, "GFLOP/s    %.1f%n", r.gflops());
        out.printf(Locale.ROOT, "allocated  %.1f MB per step%n",
                r.bytesPerStep() / 1e6);
        out.printf(Locale.ROOT, "CPU        %.3f s per step (every thread of"
                + " the process, GC and JIT included)%n",
                r.cpuSecondsPerStep());
        out.printf(Locale.ROOT, "loss       %.5f after %d steps%n",
                r.lastLoss(), warmup + steps);
        return 0;
    }

    private void printProducts(PrintWriter out) {
        out.printf(Locale.ROOT, "kernel %s, %d thread%s; %d rounds of 20"
                + " calls%n", Products.kernelName(),
                Products.threads(), Products.threads() == 1 ? "" : "s",
                steps);
        out.printf(Locale.ROOT, "%-13s %-9s %8s %16s%n", "product",
                "through", "GFLOP/s", "GFLOP/CPU-second");
        for (ProductBench.Line line : ProductBench.run(steps, 20)) {
            out.printf(Locale.ROOT, "%-13s %-9s %8.1f %16.1f%n",
                    line.product(), line.by(), line.gflops(),
                    line.gflopsPerCpuSecond());
        }
    }
}
