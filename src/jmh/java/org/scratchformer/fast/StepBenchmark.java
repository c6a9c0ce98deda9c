package org.scratchformer.fast;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.scratchformer.bench.TrainingStep;
import org.scratchformer.bench.TranslatorWorkload;
import org.scratchformer.bench.Workload;

/**
 * One training step: of the reference Transformer ({@link
 * TranslatorWorkload}: d_model 128, 4 heads, d_ff 512, 2 + 2 layers,
 * batches of 64 numbers pairs in turn) or of chapter 13's workload without
 * attention ({@link Workload}: 3.35 GFLOP of products).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
    "-Xmn1g", "-XX:G1HeapRegionSize=16m"})  // as .mvn/jvm.config
public class StepBenchmark {
    @Param({"1", "2"})
    int threads;

    @Param({"reference", "workload"})
    String model;

    TrainingStep workload;
    FastPath path;

    @Setup
    public void setUp() {
        path = FastPath.install(false, threads);
        workload = model.equals("reference")
                ? TranslatorWorkload.of(1, path, MicroBatches.REFERENCE)
                : new Workload(1);
    }

    @TearDown
    public void tearDown() {
        path.uninstall();
    }

    @Benchmark
    public double step() {
        return workload.step();
    }
}
