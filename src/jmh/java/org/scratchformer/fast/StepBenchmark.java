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
import org.openjdk.jmh.annotations.Warmup;
import org.scratchformer.tensor.Products;

/**
 * One training step of {@link Workload}: forward, label-smoothed
 * cross-entropy, backward, Adam; 3.35 GFLOP of products.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class StepBenchmark {
    @Param({"1", "2"})
    int threads;

    Workload workload;

    @Setup
    public void setUp() {
        Products.setThreads(threads);
        workload = new Workload(1);
    }

    @Benchmark
    public double step() {
        return workload.step();
    }
}
