package org.scratchformer.fast;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
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
import org.scratchformer.tensor.Products;

/**
 * The products of a feed-forward layer at the model's shapes, N = 768
 * rows, C = 128, F = 512: the forward X·W₁ and its two backward forms,
 * through Products and through EJML. GFLOP/s = 2·m·n·k / time.
 *
 * <pre>
 * ab   Y  (768, 512) = X  (768, 128) · W  (128, 512)    forward
 * abt  dX (768, 128) = dY (768, 512) · Wᵀ (512, 128)    backward, input
 * atb  dW (128, 512) = Xᵀ (128, 768) · dY (768, 512)    backward, weight
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ProductsBenchmark {
    @Param({"ab", "abt", "atb"})
    String form;

    @Param({"1", "2"})
    int threads;

    DMatrixRMaj x;   // (N, C)
    DMatrixRMaj w;   // (C, F)
    DMatrixRMaj dY;  // (N, F)
    FastPath path;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        x = RandomMatrices_DDRM.rectangle(768, 128, -1, 1, random);
        w = RandomMatrices_DDRM.rectangle(128, 512, -1, 1, random);
        dY = RandomMatrices_DDRM.rectangle(768, 512, -1, 1, random);
        path = FastPath.install(false, threads);
    }

    @TearDown
    public void tearDown() {
        path.uninstall();
    }

    @Benchmark
    public DMatrixRMaj products() {
        switch (form) {
            case "ab":
                return Products.mult(x, w);
            case "abt":
                return Products.multTransB(dY, w);
            default:
                return Products.multTransA(x, dY);
        }
    }

    @Benchmark
    public DMatrixRMaj ejml() {
        switch (form) {
            case "ab":
                return CommonOps_DDRM.mult(x, w, null);
            case "abt":
                return CommonOps_DDRM.multTransB(dY, w, null);
            default:
                return CommonOps_DDRM.multTransA(x, dY, null);
        }
    }
}
