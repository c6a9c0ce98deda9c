package org.scratchformer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scratchformer.bench.Bench;
import org.scratchformer.bench.Peak;
import org.scratchformer.bench.ProductBench;
import org.scratchformer.bench.TrainingStep;
import org.scratchformer.bench.TranslatorWorkload;
import org.scratchformer.bench.Workload;
import org.scratchformer.fast.CountingKernel;
import org.scratchformer.fast.FastPath;
import org.scratchformer.fast.MicroBatches;
import org.scratchformer.tensor.Products;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.data.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Times training steps of the reference Transformer (or of chapter 13's
 * workload) and prints the rates, one {@code key value} a line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training steps of the reference Transformer"
                + " (d_model 128, 4 heads, d_ff 512, 2 + 2 layers, batches"
                + " of 64 pairs of the numbers task's first draw,"
                + " numbers-by-digits) or of chapter 13's"
                + " workload, and print steps/s, tokens/s, GFLOP/s of the"
                + " products (counted), the machine's peak, allocation and"
                + " CPU time per step.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "reference",
            description = "reference (the Transformer of the reference"
                    + " configuration) or workload (chapter 13's step"
                    + " without attention) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--steps", defaultValue = "30",
            description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "10",
            description = "Untimed steps first, for the JIT (default:"
                    + " ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", description = "Threads for the"
            + " micro-batches and the matrix products (default: the number"
            + " of processors).")
    Integer threads;

    @Option(names = "--plain", description = "Run the plain code of"
            + " chapters 1-12: the plain-Java kernel, each batch whole,"
            + " java.util.Random, one thread.")
    boolean plain;

    @Option(names = "--products", description = "Time the feed-forward"
            + " products at the model's shapes, through Products and EJML,"
            + " instead of training steps.")
    boolean products;

    @Option(names = "--heap", paramLabel = "STEPS", description = "Train"
            + " STEPS steps and print the heap in use after a full"
            + " collection every STEPS/10 steps, instead of timing.")
    Integer heapSteps;

    @Option(names = "--micro-batches", description = "Micro-batches of"
            + " each batch of the"
            + " reference model (default: 8, as the full preset's; 1: each"
            + " batch whole, padded to its longest pair).")
    Integer microBatches;

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
        if (!model.equals("reference") && !model.equals("workload")) {
            throw new ParameterException(spec.commandLine(), "--model must"
                    + " be reference or workload, got '" + model + "'");
        }
        if (heapSteps != null && heapSteps < 10) {
            throw new ParameterException(spec.commandLine(), "--heap must"
                    + " be at least 10 steps, got " + heapSteps);
        }
        if (microBatches != null && (microBatches < 1
                || microBatches > TranslatorWorkload.BATCH
                || !model.equals("reference"))) {
            throw new ParameterException(spec.commandLine(),
                    "--micro-batches must"
                    + " be 1 to " + TranslatorWorkload.BATCH + ", for the"
                    + " reference model only, got " + microBatches + " for "
                    + model);
        }
        if (threads != null) {
            if (threads < 1) {
                throw new ParameterException(spec.commandLine(),
                        "--threads must be at least 1, got " + threads);
            }
        }
        FastPath path = Main.reinstall(plain, plain ? 1 : threads == null
                ? Runtime.getRuntime().availableProcessors() : threads);
        CountingKernel counter = new CountingKernel(Products.kernel());
        Products.use(counter);
        try {
            return bench(path, counter);
        } finally {
            Products.use(counter.counted());
        }
    }

    private int bench(FastPath path, CountingKernel counter) {
        PrintWriter out = spec.commandLine().getOut();
        int threadCount = path.workers().threads();
        if (products) {
            printProducts(out, threadCount);
            return 0;
        }
        TrainingStep workload = model.equals("reference")
                ? TranslatorWorkload.of(seed, path, microBatches == null
                        ? MicroBatches.REFERENCE : microBatches)
                : new Workload(seed);
        out.println("model      " + describe(workload));
        out.printf(Locale.ROOT, "code       %s%n", path.plain()
                ? "plain (chapters 1-12)" : "fast (chapter 13)");
        out.printf(Locale.ROOT, "kernel     %s, %d thread%s%n",
                Products.kernel().name(), threadCount,
                threadCount == 1 ? "" : "s");
        Optional<Peak> peak = Peak.ofThisMachine();
        out.println("peak       " + peak.map(BenchCommand::describe)
                .orElse("unknown (/proc/cpuinfo gives no clock or no FMA)"));
        out.flush();
        if (heapSteps != null) {
            printHeap(out, workload);
            return 0;
        }
        printResult(out, Bench.run(workload, warmup, steps, counter), peak);
        return 0;
    }

    void printResult(PrintWriter out, Bench.Result r,
            Optional<Peak> peak) {
        out.printf(Locale.ROOT, "steps/s    %.2f (median of %d steps;"
                + " fastest %.2f)%n", r.stepsPerSecond(), r.steps(),
                1 / r.minSeconds());
        out.printf(Locale.ROOT, "tokens/s   %.0f (%d tokens trained on in"
                + " the timed steps / their time)%n", r.tokensPerSecond(),
                r.tokens());
        out.printf(Locale.ROOT, "GFLOP/s    %.1f (the products' counted"
                + " operations / the timed steps' time%s)%n", r.gflops(),
                peak.map(p -> String.format(Locale.ROOT, "; %.0f%% of peak",
                        100 * r.gflops() / p.gflops())).orElse(""));
        out.printf(Locale.ROOT, "GFLOP      %.3f per step (2·m·n·k for"
                + " every product, counted as Products runs it)%n",
                r.flopsPerStep() / 1e9);
        out.printf(Locale.ROOT, "allocated  %.1f MB per step%n",
                r.bytesPerStep() / 1e6);
        out.printf(Locale.ROOT, "CPU        %.3f s per step (every thread of"
                + " the process, GC and JIT included)%n",
                r.cpuSecondsPerStep());
        out.printf(Locale.ROOT, "loss       %.5f after %d steps%n",
                r.lastLoss(), warmup + steps);
    }

    private static String describe(TrainingStep workload) {
        if (workload instanceof TranslatorWorkload t) {
            ModelConfig c = ModelConfig.reference();
            Task task = Task.named(TranslatorWorkload.TASK);
            return String.format(Locale.ROOT, "reference Transformer:"
                    + " d_model %d, %d heads, d_ff %d, %d + %d layers,"
                    + " dropout %.1f, vocabularies %d and %d, %,d"
                    + " parameters; %d batches of %d %s pairs in turn,"
                    + " each in %d micro-batch%s",
                    c.model(), c.heads(), c.feedForward(),
                    c.encoderLayers(), c.decoderLayers(), c.dropout(),
                    task.sourceVocabulary().size(),
                    task.targetVocabulary().size(),
                    t.model().parameterCount(), TranslatorWorkload.BATCHES,
                    TranslatorWorkload.BATCH, task.name(),
                    t.microBatches(), t.microBatches() == 1 ? "" : "es");
        }
        return String.format(Locale.ROOT, "workload: %d rows, d_model %d,"
                + " d_ff %d, vocabulary %d, %d blocks without attention",
                Workload.ROWS, Workload.WIDTH, Workload.HIDDEN,
                Workload.VOCAB, Workload.BLOCKS);
    }

    private static String describe(Peak p) {
        return String.format(Locale.ROOT, "%.1f GFLOP/s float64 = %d cores"
                + " × %d FMA units (assumed) × %d lanes × 2 × %.3f GHz"
                + " (/proc/cpuinfo)", p.gflops(), p.cores(), p.fmaUnits(),
                p.lanes(), p.gigahertz());
    }

    private void printHeap(PrintWriter out, TrainingStep workload) {
        out.printf(Locale.ROOT, "heap       in use after a full collection,"
                + " over %d training steps:%n", heapSteps);
        List<Bench.HeapPoint> points = new ArrayList<>();
        Bench.heap(workload, heapSteps, heapSteps / 10, p -> {
            points.add(p);
            out.printf(Locale.ROOT, "  step %6d  %8.1f MB%n", p.step(),
                    p.bytes() / 1e6);
            out.flush();
        });
        Bench.HeapPoint first = points.get(1);  // after the first steps
        Bench.HeapPoint last = points.get(points.size() - 1);
        out.printf(Locale.ROOT, "growth     %+.1f MB from step %d to step"
                + " %d%n", (last.bytes() - first.bytes()) / 1e6,
                first.step(), last.step());
    }

    private void printProducts(PrintWriter out, int threadCount) {
        out.printf(Locale.ROOT, "kernel %s, %d thread%s; %d rounds of 20"
                + " calls%n", Products.kernel().name(), threadCount,
                threadCount == 1 ? "" : "s", steps);
        out.printf(Locale.ROOT, "%-13s %-9s %8s %16s%n", "product",
                "through", "GFLOP/s", "GFLOP/CPU-second");
        for (ProductBench.Line line : ProductBench.run(steps, 20)) {
            out.printf(Locale.ROOT, "%-13s %-9s %8.1f %16.1f%n",
                    line.product(), line.by(), line.gflops(),
                    line.gflopsPerCpuSecond());
        }
    }
}
