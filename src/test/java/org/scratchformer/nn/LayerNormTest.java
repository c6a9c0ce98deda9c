package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scratchformer.nn.NnAssertions.assertClose;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The fused op against the same math composed from primitive ops, against
 * central differences, and the layer around it.
 */
class LayerNormTest {
    static final double EPS = LayerNormOp.DEFAULT_EPSILON;

    static Stream<Long> seeds() {
        return RandomCases.seeds(6_201, 30);
    }

    static Tensor constant(int rows, int cols, double value) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.fill(m, value);
        return Tensor.constant(m);
    }

    /**
     * Layer norm from primitives; a column (R, 1) is spread over the row
     * by a product with ones (1, C).
     */
    static Tensor composed(Tensor x, Tensor gain, Tensor bias) {
        int r = x.rows();
        int c = x.cols();
        Tensor onesRow = constant(1, c, 1);                    // (1, C)
        Tensor mu = Ops.meanRows(x);                           // (R, 1)
        Tensor centered = Ops.sub(x, Ops.matmul(mu, onesRow)); // (R, C)
        Tensor variance = Ops.meanRows(Ops.mul(centered, centered));
        // rstd (R, 1) = (σ² + ε)^(−1/2)
        Tensor rstd = Ops.pow(Ops.add(variance, constant(r, 1, EPS)), -0.5);
        Tensor xHat = Ops.mul(centered, Ops.matmul(rstd, onesRow));
        Tensor gains = Ops.matmul(constant(r, 1, 1), gain);    // (R, C)
        return Ops.addRow(Ops.mul(xHat, gains), bias);
    }

    static Tensor fused(Tensor x, Tensor gain, Tensor bias) {
        return new LayerNormOp(EPS).apply(x, gain, bias);
    }

    /** Fresh variables over x, γ, β drawn for this seed. */
    static List<DMatrixRMaj> inputs(Random random) {
        int rows = RandomCases.size(random);
        int cols = RandomCases.size(random, 2);
        return List.of(RandomCases.values(random, rows, cols),
                RandomCases.uniform(random, 1, cols, 0.5, 1.5),
                RandomCases.values(random, 1, cols));
    }

    static List<Tensor> variables(List<DMatrixRMaj> values) {
        return values.stream().map(v -> Tensor.variable(v.copy())).toList();
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void theFusedOpEqualsTheCompositionInValueAndGradient(long seed) {
        Random random = new Random(seed);
        List<DMatrixRMaj> values = inputs(random);
        List<Tensor> a = variables(values);
        List<Tensor> b = variables(values);
        Tensor yFused = fused(a.get(0), a.get(1), a.get(2));
        Tensor yComposed = composed(b.get(0), b.get(1), b.get(2));
        String where = "seed=" + seed + ", x " + a.get(0).shape();
        assertClose(yComposed.value(), yFused.value(), 1e-12, where + ", Y");
        DMatrixRMaj dY = RandomCases.values(random, yFused.rows(),
                yFused.cols());
        yFused.backward(dY);
        yComposed.backward(dY);
        String[] names = {"dX", "dγ", "dβ"};
        for (int i = 0; i < 3; i++) {
            assertClose(b.get(i).grad(), a.get(i).grad(), 1e-12,
                    where + ", " + names[i]);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void theFusedOpPassesTheGradientCheck(long seed) {
        List<Tensor> x = variables(inputs(new Random(seed)));
        GradCheck.of(in -> fused(in.get(0), in.get(1), in.get(2)))
                .seed(seed).check(x.toArray(Tensor[]::new));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void theLayerPassesTheModuleCheckWithTrainedGainAndBias(long seed) {
        Random random = new Random(seed);
        List<DMatrixRMaj> values = inputs(random);
        LayerNorm layer = new LayerNorm(values.get(0).numCols);
        layer.gain().value().setTo(values.get(1));
        layer.bias().value().setTo(values.get(2));
        ModuleCheck.of(layer).seed(seed)
                .check(Tensor.variable(values.get(0)));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void eachRowComesOutWithMeanZeroAndVarianceNearOne(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = RandomCases.uniform(random, 3, 6, -5, 5);
        DMatrixRMaj y = new LayerNorm(6).forward(Tensor.constant(x))
                .value();
        for (int r = 0; r < 3; r++) {
            double mean = 0;
            double square = 0;
            for (int c = 0; c < 6; c++) {
                mean += y.get(r, c) / 6;
                square += y.get(r, c) * y.get(r, c) / 6;
            }
            assertEquals(0, mean, 1e-12, "seed=" + seed + ", row " + r);
            // σ²/(σ² + ε): within 1e-3 of 1 for rows spread this wide
            assertEquals(1, square, 1e-3, "seed=" + seed + ", row " + r);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void shiftingARowChangesNothing(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = RandomCases.values(random, 2, 4);
        DMatrixRMaj shifted = x.copy();
        CommonOps_DDRM.add(shifted, 3.25);  // in place: every element
        LayerNorm layer = new LayerNorm(4);
        assertClose(layer.forward(Tensor.constant(x)).value(),
                layer.forward(Tensor.constant(shifted)).value(), 1e-12,
                "seed=" + seed);
    }

    @Test
    void knownValuesForOneRow() {
        // x = (1, 2, 3): μ = 2, σ² = 2/3, x̂ = (−1, 0, 1)/√(2/3 + ε)
        LayerNorm layer = new LayerNorm(3, 1e-5);
        layer.gain().value().setTo(new DMatrixRMaj(new double[][] {{1, 2,
            3}}));
        layer.bias().value().setTo(new DMatrixRMaj(new double[][] {{0, 1,
            0}}));
        Tensor y = layer.forward(Tensor.constant(new double[][] {{1, 2,
            3}}));
        double rstd = 1 / Math.sqrt(2.0 / 3 + 1e-5);
        assertClose(new double[][] {{-rstd, 1, 3 * rstd}}, y.value(), 1e-12,
                "Y");
    }

    @Test
    void startsWithUnitGainAndZeroBias() {
        LayerNorm layer = new LayerNorm(5);
        assertEquals(List.of("gain", "bias"), List.copyOf(layer.parameters()
                .keySet()));
        assertClose(Init.ones(1, 5), layer.gain().value(), 0, "γ");
        assertClose(Init.zeros(1, 5), layer.bias().value(), 0, "β");
        assertEquals(10, layer.parameterCount());
    }

    @Test
    void anInputOfTheWrongWidthIsNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new LayerNorm(4)
                        .forward(Tensor.constant(new DMatrixRMaj(2, 3))));
        assertEquals("LayerNorm(4): input (2x3) has 3 columns; it needs 4,"
                + " the width it normalises", e.getMessage());
    }

    @Test
    void theOpNamesAGainOfTheWrongShape() {
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new LayerNormOp(EPS)
                        .apply(x, Tensor.variable(new DMatrixRMaj(1, 4)),
                                Tensor.variable(new DMatrixRMaj(1, 3))));
        assertEquals("layer_norm: gain must be (1x3) for input (2x3), got"
                + " (1x4)", e.getMessage());
    }

    @Test
    void theOpNamesABiasOfTheWrongShape() {
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new LayerNormOp(EPS)
                        .apply(x, Tensor.variable(new DMatrixRMaj(1, 3)),
                                Tensor.variable(new DMatrixRMaj(3, 1))));
        assertEquals("layer_norm: bias must be (1x3) for input (2x3), got"
                + " (3x1)", e.getMessage());
    }

    @Test
    void epsilonMustBePositive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new LayerNorm(3, 0));
        assertEquals("layer_norm: epsilon must be positive and finite, got"
                + " 0.0", e.getMessage());
    }

    @Test
    void widthMustBePositive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new LayerNorm(0));
        assertEquals("LayerNorm: width must be at least 1, got 0",
                e.getMessage());
    }
}
