package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.scratchformer.ops.MatrixAssertions.assertClose;
import static org.scratchformer.ops.MatrixAssertions.assertRejected;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Tensor;

/** add_mask and dropout: a variable combined with a constant mask. */
class MaskOpsTest {
    static final double NEG_INF = Double.NEGATIVE_INFINITY;

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_0003, 20);
    }

    @Test
    void addMaskKeepsZerosAndBlocksMinusInfinity() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor mask = Tensor.constant(new double[][] {{0, NEG_INF},
                {0, 0}});
        Tensor y = Ops.addMask(x, mask);
        y.backward(new DMatrixRMaj(new double[][] {{5, 6}, {7, 8}}));
        assertClose(new double[][] {{1, NEG_INF}, {3, 4}}, y.value(), 0);
        assertClose(new double[][] {{5, 0}, {7, 8}}, x.grad(), 0);
    }

    @Test
    void theMaskGetsNoGradient() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}});
        DMatrixRMaj mask = new DMatrixRMaj(new double[][] {{0, NEG_INF}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 1}});
        AddMask op = new AddMask();
        Grads grads = op.backward(List.of(x, mask),
                op.forward(List.of(x, mask)), dY);
        assertNull(grads.get(1));
    }

    @ParameterizedTest(name = "mask value {0}")
    @ValueSource(doubles = {1, -1e9, Double.NaN, Double.POSITIVE_INFINITY})
    void addMaskRejectsAnyOtherValue(double bad) {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor mask = Tensor.constant(new double[][] {{0, NEG_INF, bad}});
        assertRejected(() -> Ops.addMask(x, mask), "add_mask", "(1x3)",
                "holds " + bad + " at (0, 2)", "0 (keep) and −∞ (masked)");
    }

    @Test
    void addMaskNamesBothShapes() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor mask = Tensor.constant(new double[][] {{0, 0}});
        assertRejected(() -> Ops.addMask(x, mask), "add_mask", "(1x2)",
                "shape of X (1x3)");
    }

    @Test
    void dropoutMultipliesByTheMask() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor mask = Tensor.constant(new double[][] {{0, 2}, {2, 0}});
        Tensor y = Ops.dropout(x, mask);
        y.backward(new DMatrixRMaj(new double[][] {{5, 6}, {7, 8}}));
        assertClose(new double[][] {{0, 4}, {6, 0}}, y.value(), 0);
        assertClose(new double[][] {{0, 12}, {14, 0}}, x.grad(), 0);
        DropoutMask op = new DropoutMask();
        assertNull(op.backward(List.of(x.value(), mask.value()), y.value(),
                x.grad()).get(1));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void anAllKeptMaskScalesByOneOverOneMinusP(long seed) {
        Random random = new Random(seed);
        double p = new double[] {0, 0.1, 0.25, 0.5}[random.nextInt(4)];
        DMatrixRMaj values = RandomCases.values(random,
                RandomCases.size(random), RandomCases.size(random));
        DMatrixRMaj keepAll = new DMatrixRMaj(values.numRows,
                values.numCols);
        keepAll.fill(1 / (1 - p));
        DMatrixRMaj dY = RandomCases.values(random, values.numRows,
                values.numCols);
        Tensor x = Tensor.variable(values.copy());
        Tensor y = Ops.dropout(x, Tensor.constant(keepAll));
        y.backward(dY);
        DMatrixRMaj expected = values.copy();
        DMatrixRMaj expectedGrad = dY.copy();
        for (int k = 0; k < values.getNumElements(); k++) {
            expected.set(k, values.get(k) / (1 - p));
            expectedGrad.set(k, dY.get(k) / (1 - p));
        }
        assertClose(expected, y.value(), 1e-15, "Y");
        assertClose(expectedGrad, x.grad(), 1e-15, "dX");
    }

    @Test
    void dropoutNamesBothShapes() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor mask = Tensor.constant(new double[][] {{0, 2}});
        assertRejected(() -> Ops.dropout(x, mask), "dropout", "mask M (1x2)",
                "shape of X (2x2)");
    }

    @Test
    void dropoutRejectsAMaskThatIsNotZeroOrOneKeepValue() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}});
        assertRejected(() -> Ops.dropout(x, Tensor.constant(new double[][] {
                {0, 0.5, 0}})), "dropout", "(1x3)", "holds 0.5 at (0, 1)",
                "0 and one keep value 1/(1 − p) ≥ 1");
        assertRejected(() -> Ops.dropout(x, Tensor.constant(new double[][] {
                {2, 0, 4}})), "dropout", "holds 4.0 at (0, 2)", "here 2.0");
        assertRejected(() -> Ops.dropout(x, Tensor.constant(new double[][] {
                {-2, 0, 0}})), "dropout", "holds -2.0 at (0, 0)");
    }
}
