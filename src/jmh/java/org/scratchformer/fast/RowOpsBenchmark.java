package org.scratchformer.fast;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
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
import org.scratchformer.nn.LayerNormOp;
import org.scratchformer.ops.Softmax;
import org.scratchformer.tensor.Grads;

/**
 * The row-wise ops of a Transformer at the model's size, forward and
 * backward: softmax over attention scores (N = 768 rows of T = 12 keys,
 * 4 heads side by side: 768 × 48) and LayerNorm over C = 128.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class RowOpsBenchmark {
    final Softmax softmax = new Softmax();
    final LayerNormOp layerNorm = new LayerNormOp(1e-5);
    List<DMatrixRMaj> scores;   // (768, 48)
    DMatrixRMaj dWeights;
    List<DMatrixRMaj> normIn;   // x (768, 128), γ, β (1, 128)
    DMatrixRMaj dNormed;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        scores = List.of(RandomMatrices_DDRM.rectangle(768, 48, -3, 3,
                random));
        dWeights = RandomMatrices_DDRM.rectangle(768, 48, -1, 1, random);
        normIn = List.of(
                RandomMatrices_DDRM.rectangle(768, 128, -2, 2, random),
                RandomMatrices_DDRM.rectangle(1, 128, 0.5, 1.5, random),
                RandomMatrices_DDRM.rectangle(1, 128, -1, 1, random));
        dNormed = RandomMatrices_DDRM.rectangle(768, 128, -1, 1, random);
    }

    @Benchmark
    public Grads softmaxForwardBackward() {
        DMatrixRMaj y = softmax.forward(scores);
        return softmax.backward(scores, y, dWeights);
    }

    @Benchmark
    public Grads layerNormForwardBackward() {
        DMatrixRMaj y = layerNorm.forward(normIn);
        return layerNorm.backward(normIn, y, dNormed);
    }
}
