package org.scratchformer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.scratchformer.tensor.Products;

/**
 * The feed-forward products at the model's shapes, through Products and
 * through EJML, in alternating rounds: GFLOP per second of wall-clock time
 * (median round) and per second of the process's CPU time (all rounds;
 * steadier on a busy machine).
 *
 * <pre>
 * A·B    Y  (768, 512) = X  (768, 128) · W  (128, 512)    forward
 * A·Bᵀ   dX (768, 128) = dY (768, 512) · Wᵀ (512, 128)    backward, input
 * Aᵀ·B   dW (128, 512) = Xᵀ (128, 768) · dY (768, 512)    backward, weight
 * </pre>
 */
public final class ProductBench {
    static final double FLOPS = 2.0 * 768 * 128 * 512;
    static final double TOLERANCE = 1e-9;

    private ProductBench() {
    }

    /** One line of the result: medians over the rounds. */
    public record Line(String product, String by, double gflops,
            double gflopsPerCpuSecond) {
    }

    /**
     * One product at the model's shapes, as two calls that compute it:
     * through Products and through EJML.
     */
    record Product(String name, Supplier<DMatrixRMaj> throughProducts,
            Supplier<DMatrixRMaj> throughEjml) {
        static final List<String> BY = List.of("Products", "EJML");

        /** The call of {@code BY.get(by)}. */
        Supplier<DMatrixRMaj> by(int by) {
            return by == 0 ? throughProducts : throughEjml;
        }
    }

    /** {@code rounds} rounds of {@code repeats} calls of each product. */
    public static List<Line> run(int rounds, int repeats) {
        Random random = new Random(1);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(768, 128, -1, 1, random);
        DMatrixRMaj w = RandomMatrices_DDRM.rectangle(128, 512, -1, 1, random);
        DMatrixRMaj dY = RandomMatrices_DDRM.rectangle(768, 512, -1, 1,
                random);
        return run(rounds, repeats, Clocks.SYSTEM, List.of(
                new Product("A·B", () -> Products.mult(x, w),
                        () -> CommonOps_DDRM.mult(x, w, null)),
                new Product("A·Bᵀ", () -> Products.multTransB(dY, w),
                        () -> CommonOps_DDRM.multTransB(dY, w, null)),
                new Product("Aᵀ·B", () -> Products.multTransA(x, dY),
                        () -> CommonOps_DDRM.multTransA(x, dY, null))));
    }

    /**
     * The same for {@code products}, timed by {@code clocks}. The two calls
     * of each product must agree first: the rate of a wrong product means
     * nothing.
     */
    static List<Line> run(int rounds, int repeats, Clocks clocks,
            List<Product> products) {
        for (Product product : products) {
            requireAgreement(product);
        }
        int n = products.size();
        double[][][] wall = new double[n][2][rounds];
        double[][][] cpu = new double[n][2][rounds];
        for (int round = -1; round < rounds; round++) {  // -1: warm-up
            for (int p = 0; p < n; p++) {
                for (int by = 0; by < 2; by++) {
                    Supplier<DMatrixRMaj> call = products.get(p).by(by);
                    long cpuStart = clocks.cpuNanos();
                    long start = clocks.nanoTime();
                    for (int i = 0; i < repeats; i++) {
                        call.get();
                    }
                    if (round >= 0) {
                        wall[p][by][round] = (clocks.nanoTime() - start) / 1e9;
                        cpu[p][by][round] = (clocks.cpuNanos() - cpuStart)
                                / 1e9;
                    }
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            for (int by = 0; by < 2; by++) {
                lines.add(line(products.get(p).name(), Product.BY.get(by),
                        repeats, wall[p][by], cpu[p][by]));
            }
        }
        return lines;
    }

    /**
     * Products and EJML sum in different orders, so their results agree to
     * rounding, far below {@value #TOLERANCE} at these shapes.
     */
    static void requireAgreement(Product product) {
        DMatrixRMaj expected = product.throughEjml().get();
        DMatrixRMaj actual = product.throughProducts().get();
        if (!MatrixFeatures_DDRM.isEquals(actual, expected, TOLERANCE)) {
            throw new IllegalStateException(product.name() + " through"
                    + " Products differs from EJML's by more than "
                    + TOLERANCE + ": not timed");
        }
    }

    /**
     * The rates of one product over its rounds of {@code repeats} calls:
     * GFLOP/s from the median round's wall time, and per CPU second over
     * all rounds together (the process's CPU clock ticks every few
     * milliseconds, too coarse for one round).
     */
    static Line line(String product, String by, int repeats, double[] wall,
            double[] cpu) {
        return new Line(product, by, FLOPS * repeats / median(wall) / 1e9,
                FLOPS * repeats * wall.length / sum(cpu) / 1e9);
    }

    static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
