package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The fused linear ops give the numbers of the ops they replace, to the
 * last bit: linear = add_row(matmul(X, W), b), linear_relu = relu of it,
 * in value and in every gradient, on random shapes (sizes up to 40, so the
 * products run on the tiled kernel, edges included).
 */
class LinearOpTest {
    static Stream<Long> seeds() {
        return RandomCases.seeds(7_301, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void linearIsMatmulThenAddRowBitForBit(long seed) {
        assertSameAsComposed(seed, LinearOp.LINEAR, y -> y);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void linearReluIsMatmulAddRowReluBitForBit(long seed) {
        assertSameAsComposed(seed, LinearReluOp.LINEAR_RELU, Ops::relu);
    }

    static void assertSameAsComposed(long seed, LinearOp op,
            Function<Tensor, Tensor> activation) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(40);
        int in = 1 + r.nextInt(40);
        int out = 1 + r.nextInt(40);
        DMatrixRMaj x = RandomCases.values(r, n, in);
        DMatrixRMaj w = RandomCases.values(r, in, out);
        DMatrixRMaj b = RandomCases.values(r, 1, out);
        DMatrixRMaj dY = RandomCases.values(r, n, out);
        List<Tensor> fused = List.of(Tensor.variable(x.copy()),
                Tensor.variable(w.copy()), Tensor.variable(b.copy()));
        List<Tensor> composed = List.of(Tensor.variable(x.copy()),
                Tensor.variable(w.copy()), Tensor.variable(b.copy()));
        Tensor yFused = op.apply(fused.get(0), fused.get(1), fused.get(2));
        Tensor yComposed = activation.apply(Ops.addRow(Ops.matmul(
                composed.get(0), composed.get(1)), composed.get(2)));
        assertBits(yComposed.value(), yFused.value(), op + " Y");
        Ops.sum(Ops.mul(yFused, Tensor.constant(dY))).backward();
        Ops.sum(Ops.mul(yComposed, Tensor.constant(dY))).backward();
        String[] names = {"dX", "dW", "db"};
        for (int i = 0; i < 3; i++) {
            assertBits(composed.get(i).grad(), fused.get(i).grad(),
                    op + " " + names[i]);
        }
    }

    static void assertBits(DMatrixRMaj expected, DMatrixRMaj actual,
            String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        for (int k = 0; k < expected.getNumElements(); k++) {
            assertEquals(Double.doubleToLongBits(expected.data[k]),
                    Double.doubleToLongBits(actual.data[k]),
                    what + " element " + k + ": " + expected.data[k]
                            + " vs " + actual.data[k]);
        }
    }

    @Test
    void shapesThatDoNotFitAreNamed() {
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor w = Tensor.variable(new DMatrixRMaj(4, 5));
        Tensor b = Tensor.variable(new DMatrixRMaj(1, 5));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LinearReluOp.LINEAR_RELU.apply(x, w, b));
        assertEquals("linear_relu: X (2x3), W (4x5), b (1x5) do not fit;"
                + " X (N, in), W (in, out) and b (1, out) are needed",
                e.getMessage());
        Tensor w2 = Tensor.variable(new DMatrixRMaj(3, 5));
        Tensor b2 = Tensor.variable(new DMatrixRMaj(2, 5));
        assertThrows(IllegalArgumentException.class,
                () -> LinearOp.LINEAR.apply(x, w2, b2));
        Tensor b3 = Tensor.variable(new DMatrixRMaj(1, 4));
        assertThrows(IllegalArgumentException.class,
                () -> LinearOp.LINEAR.apply(x, w2, b3));
        assertEquals(5, LinearOp.LINEAR.apply(x, w2,
                Tensor.variable(new DMatrixRMaj(1, 5))).cols());
    }

    @Test
    void namesAreTheRegistrysAndTheErrorsName() {
        assertEquals("linear", LinearOp.LINEAR.name());
        assertEquals("linear", LinearOp.LINEAR.toString());
        assertEquals("linear_relu", LinearReluOp.LINEAR_RELU.toString());
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LinearOp.LINEAR.apply(x,
                        Tensor.variable(new DMatrixRMaj(2, 2)),
                        Tensor.variable(new DMatrixRMaj(1, 2))));
        assertEquals("linear: X (2x3), W (2x2), b (1x2) do not fit; X (N,"
                + " in), W (in, out) and b (1, out) are needed",
                e.getMessage());
    }

    @Test
    void theRegistryEntriesDrawReluInputsAwayFromTheKink() {
        List<OpEntry> entries = new LayerOps().entries();
        OpEntry linear = entries.get(1);
        OpEntry relu = entries.get(2);
        assertEquals(List.of("linear", "linear_relu"),
                List.of(linear.name(), relu.name()));
        for (long seed = 0; seed < 30; seed++) {
            List<Tensor> in = relu.inputsFor(seed);
            assertEquals(3, in.size());
            DMatrixRMaj x = in.get(0).value();
            DMatrixRMaj w = in.get(1).value();
            DMatrixRMaj b = in.get(2).value();
            assertEquals(x.numCols, w.numRows);
            assertEquals(1, b.numRows);
            assertEquals(w.numCols, b.numCols);
            for (int n = 0; n < x.numRows; n++) {
                for (int c = 0; c < w.numCols; c++) {
                    double z = b.get(0, c);
                    for (int k = 0; k < x.numCols; k++) {
                        z += x.get(n, k) * w.get(k, c);
                    }
                    assertTrue(Math.abs(z) >= 0.05 - 1e-12, "seed " + seed
                            + ": Z = " + z + " is near ReLU's kink");
                }
            }
            Tensor y = relu.apply().apply(in);
            assertEquals(LinearReluOp.class, y.op().getClass());
            assertEquals(LinearOp.class, linear.apply().apply(
                    linear.inputsFor(seed)).op().getClass());
        }
    }

    @Test
    void aLinearWithoutBiasAppliesReluAfterItsProduct() {
        Linear layer = new Linear(3, 2, false, new Random(4));
        Tensor x = Tensor.constant(RandomCases.values(new Random(5), 4, 3));
        DMatrixRMaj product = Ops.matmul(x, layer.weight().tensor()).value();
        DMatrixRMaj plain = layer.forward(x).value();
        DMatrixRMaj relu = layer.forwardRelu(x).value();
        boolean someNegative = false;
        for (int k = 0; k < product.getNumElements(); k++) {
            assertEquals(product.data[k], plain.data[k], 0);
            assertEquals(Math.max(0, product.data[k]), relu.data[k], 0);
            someNegative |= product.data[k] < 0;
        }
        assertTrue(someNegative, "the case should test the ReLU");
    }

    @Test
    void linearReluRunsTheInstalledReluGradient() {
        Tensor x = Tensor.variable(new double[][] {{1, -2}});
        Tensor w = Tensor.variable(new double[][] {{1, 1}, {0, -1}});
        Tensor b = Tensor.variable(new double[][] {{0, 0}});
        // Z = (1, 3): both positive, dZ = dY = (1, 1) with the plain loop
        LinearReluOp.use((y, dY, dZ, n) -> java.util.Arrays.fill(dZ, 0, n, 7));
        try {
            Ops.sum(LinearReluOp.LINEAR_RELU.apply(x, w, b)).backward();
            assertEquals(7.0, b.grad().get(0, 0), "db = 1ᵀ·dZ, dZ the seam's");
        } finally {
            LinearReluOp.use(ReluGradient.PLAIN);
        }
        assertSame(ReluGradient.PLAIN, LinearReluOp.reluGradient());
        assertEquals("LinearReluOp.use: the ReLU gradient must not be null;"
                + " ReluGradient.PLAIN is the plain one", assertThrows(
                        IllegalArgumentException.class,
                        () -> LinearReluOp.use((ReluGradient) null))
                        .getMessage());
    }

    @Test
    void bothOpsTakeTheirWeightGradientFromTheInstalledOne() {
        Tensor x = Tensor.variable(new double[][] {{1, -2}});
        Tensor w = Tensor.variable(new double[][] {{1, 1}, {0, -1}});
        Tensor b = Tensor.variable(new double[][] {{0, 0}});
        DMatrixRMaj sevens = new DMatrixRMaj(new double[][] {{7, 7}, {7, 7}});
        LinearOp.use((input, dZ) -> sevens.copy());
        try {
            Ops.sum(LinearOp.LINEAR.apply(x, w, b)).backward();
            assertEquals(7.0, w.grad().get(1, 0), "dW is the seam's");
            w.zeroGrad();
            Ops.sum(LinearReluOp.LINEAR_RELU.apply(x, w, b)).backward();
            assertEquals(7.0, w.grad().get(0, 1), "dW is the seam's");
        } finally {
            LinearOp.use(WeightGradient.PLAIN);
        }
        assertSame(WeightGradient.PLAIN, LinearOp.weightGradient());
        assertEquals("LinearOp.use: the weight gradient must not be null;"
                + " WeightGradient.PLAIN is the plain one", assertThrows(
                        IllegalArgumentException.class,
                        () -> LinearOp.use(null)).getMessage());
    }
}
