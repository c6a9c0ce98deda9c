package org.scratchformer.fast;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Element loops at the model's sizes: ReLU's gradient over the
 * feed-forward's hidden layer (768 × 512, about half of it positive), the
 * plain loop; and a dropout mask over 768 × 128, drawn one nextDouble() at
 * a time from java.util.Random and from {@link BufferedRandom}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ElementsBenchmark {
    static final int HIDDEN = 768 * 512;
    static final int MASK = 768 * 128;
    static final double P = 0.1;
    static final double KEEP = 1 / (1 - P);

    final Random plainRandom = new Random(1);
    final BufferedRandom random = new BufferedRandom(1);
    final double[] y = new double[HIDDEN];
    final double[] dY = new double[HIDDEN];
    final double[] dZ = new double[HIDDEN];
    final double[] mask = new double[MASK];

    @Setup
    public void setUp() {
        Random values = new Random(1);
        for (int k = 0; k < HIDDEN; k++) {
            y[k] = Math.max(0, values.nextGaussian());  // a ReLU's output
            dY[k] = values.nextGaussian();
        }
    }

    @Benchmark
    public double[] reluGradientPlain() {
        for (int k = 0; k < HIDDEN; k++) {
            dZ[k] = y[k] > 0 ? dY[k] : 0;  // dY ⊙ [Y > 0]
        }
        return dZ;
    }

    @Benchmark
    public double[] dropoutMaskRandom() {
        for (int k = 0; k < MASK; k++) {
            mask[k] = plainRandom.nextDouble() < P ? 0 : KEEP;
        }
        return mask;
    }

    @Benchmark
    public double[] dropoutMaskOneAtATime() {
        for (int k = 0; k < MASK; k++) {
            mask[k] = random.nextDouble() < P ? 0 : KEEP;
        }
        return mask;
    }

}
