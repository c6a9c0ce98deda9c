package org.scratchformer.fast;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.multihead.MultiHeadAttention;
import org.scratchformer.multihead.MultiHeadAttention.Implementation;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Multi-head self-attention, forward and backward, composed from
 * registered ops against the fused op, at the reference shapes: 64
 * sentences of 16 tokens, d_model 128, 4 heads, a causal and padding mask.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AttentionBenchmark {
    static final int BATCH = 64;
    static final int LENGTH = 16;
    static final int MODEL = 128;
    static final int HEADS = 4;

    @Param({"COMPOSED", "FUSED"})
    Implementation implementation;

    MultiHeadAttention attention;
    DMatrixRMaj x;
    AttentionMask mask;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        attention = new MultiHeadAttention(MODEL, HEADS, implementation,
                random);
        x = new DMatrixRMaj(BATCH * LENGTH, MODEL);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.set(i, random.nextGaussian());
        }
        int[] lengths = new int[BATCH];
        for (int b = 0; b < BATCH; b++) {
            lengths[b] = 1 + random.nextInt(LENGTH);
        }
        mask = AttentionMask.causal(BATCH, LENGTH)
                .and(AttentionMask.padding(lengths, LENGTH, LENGTH));
    }

    @Benchmark
    public double forwardAndBackward() {
        attention.zeroGrad();
        Tensor input = Tensor.variable(x);
        Tensor loss = Ops.sum(attention.forward(input, mask));
        loss.backward();
        return attention.query().weight().grad().get(0);
    }
}
