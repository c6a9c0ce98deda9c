package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

/** The engine: order, accumulation, repeated passes and its own checks. */
class EngineTest {
    static final Add ADD = new Add();
    static final MatMul MATMUL = new MatMul();
    static final Sum SUM = new Sum();

    static DMatrixRMaj ones(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.fill(m, 1);
        return m;
    }

    static void assertMatrixEquals(DMatrixRMaj expected, DMatrixRMaj actual,
            double tol) {
        assertTrue(MatrixFeatures_DDRM.isIdentical(expected, actual, tol),
                () -> "expected " + expected + " but got " + actual);
    }

    @Test
    void aMillionOpChainBackpropagatesWithoutRecursion() {
        int ops = 1_000_000;
        Tensor x = Tensor.variable(new double[][] {{0.5}});
        Tensor y = x;
        for (int i = 0; i < ops; i++) {
            y = ADD.apply(y, x);  // y = (i + 2)·x
        }
        y.backward();  // a recursive walk would overflow the call stack
        assertEquals(ops + 1.0, x.grad().get(0), 0.0);
        assertEquals(0.5 * (ops + 1), y.item(), 1e-6);
    }

    @Test
    void aTensorAddedToItselfGetsBothGradients() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}});
        SUM.apply(ADD.apply(x, x)).backward();
        // L = Σ 2x, so dL/dx = 2 everywhere: one 1 from each use
        assertMatrixEquals(new DMatrixRMaj(new double[][] {{2, 2, 2}}),
                x.grad(), 0);
    }

    @Test
    void aMatrixMultipliedByItselfGetsBothGradients() {
        DMatrixRMaj value = new DMatrixRMaj(new double[][] {
            {1, 2}, {-3, 0.5}});
        Tensor x = Tensor.variable(value.copy());
        // L = Σ (X·X + X)
        SUM.apply(ADD.apply(MATMUL.apply(x, x), x)).backward();

        // dL/dX = dY·Xᵀ (as A) + Xᵀ·dY (as B) + dY (through add), dY = 1
        DMatrixRMaj dY = ones(2, 2);
        DMatrixRMaj asA = CommonOps_DDRM.multTransB(dY, value, null);
        DMatrixRMaj asB = CommonOps_DDRM.multTransA(value, dY, null);
        DMatrixRMaj expected = CommonOps_DDRM.add(asA, asB, null);
        CommonOps_DDRM.addEquals(expected, dY);
        assertMatrixEquals(expected, x.grad(), 1e-15);
    }

    @Test
    void aDiamondSumsItsTwoPaths() {
        // x feeds u = x·w and v = x + k; y = u·v joins them again
        DMatrixRMaj xv = new DMatrixRMaj(new double[][] {{1, -2}, {0.5, 3}});
        DMatrixRMaj wv = new DMatrixRMaj(new double[][] {{2, 0}, {1, -1}});
        DMatrixRMaj kv = new DMatrixRMaj(new double[][] {{0, 1}, {1, 0}});
        Tensor x = Tensor.variable(xv.copy());
        Tensor w = Tensor.variable(wv.copy());
        Tensor k = Tensor.constant(kv.copy());
        Tensor u = MATMUL.apply(x, w);
        Tensor v = ADD.apply(x, k);
        Tensor y = MATMUL.apply(u, v);
        Tensor loss = SUM.apply(y);
        loss.backward();

        // by hand: dU = dY·vᵀ, dV = uᵀ·dY, dX = dU·wᵀ + dV, dW = xᵀ·dU
        DMatrixRMaj dY = ones(2, 2);
        DMatrixRMaj dU = CommonOps_DDRM.multTransB(dY, v.value(), null);
        DMatrixRMaj dV = CommonOps_DDRM.multTransA(u.value(), dY, null);
        DMatrixRMaj dX = CommonOps_DDRM.multTransB(dU, wv, null);
        CommonOps_DDRM.addEquals(dX, dV);
        assertMatrixEquals(dX, x.grad(), 1e-14);
        assertMatrixEquals(CommonOps_DDRM.multTransA(xv, dU, null),
                w.grad(), 1e-14);

        List<Tensor> order = Graph.topologicalOrder(loss);
        assertEquals(7, order.size(), "each tensor once: " + order);
        assertTrue(order.indexOf(x) < order.indexOf(u));
        assertTrue(order.indexOf(x) < order.indexOf(v));
        assertTrue(order.indexOf(u) < order.indexOf(y));
        assertTrue(order.indexOf(v) < order.indexOf(y));
        assertSame(loss, order.get(order.size() - 1));
    }

    @Test
    void theOrderPutsEveryTensorAfterItsInputs() {
        Tensor a = Tensor.variable(new double[][] {{1}});
        Tensor b = Tensor.variable(new double[][] {{2}});
        Tensor c = ADD.apply(a, b);
        Tensor d = ADD.apply(c, a);
        Tensor e = ADD.apply(d, c);
        List<Tensor> order = Graph.topologicalOrder(e);
        assertEquals(5, order.size());
        for (Tensor t : order) {
            for (Tensor input : t.inputs()) {
                assertTrue(order.indexOf(input) < order.indexOf(t),
                        input + " must come before " + t + " in " + order);
            }
        }
    }

    @Test
    void backwardTwiceDoublesLeavesAndResetsIntermediates() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.variable(new double[][] {{0.5}, {-1}});
        Tensor y = MATMUL.apply(a, b);
        Tensor loss = SUM.apply(y);
        loss.backward();
        DMatrixRMaj aOnce = a.grad().copy();
        DMatrixRMaj bOnce = b.grad().copy();
        DMatrixRMaj yOnce = y.grad().copy();

        loss.backward();
        CommonOps_DDRM.scale(2, aOnce);
        CommonOps_DDRM.scale(2, bOnce);
        assertMatrixEquals(aOnce, a.grad(), 0);
        assertMatrixEquals(bOnce, b.grad(), 0);
        assertMatrixEquals(yOnce, y.grad(), 0);  // one pass, not two
        assertEquals(1.0, loss.grad().get(0), 0.0);
    }

    @Test
    void zeroGradClearsTheWholeGraph() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}});
        Tensor b = Tensor.variable(new double[][] {{3}, {4}});
        Tensor y = MATMUL.apply(a, b);
        Tensor loss = SUM.apply(y);
        loss.backward();
        DMatrixRMaj aOnce = a.grad().copy();
        assertFalse(MatrixFeatures_DDRM.isZeros(aOnce, 0));

        Graph.zeroGrad(loss);
        for (Tensor t : List.of(a, b, y, loss)) {
            assertTrue(MatrixFeatures_DDRM.isZeros(t.grad(), 0), t + ": "
                    + t.grad());
        }
        loss.backward();  // one pass again, not an accumulated two
        assertMatrixEquals(aOnce, a.grad(), 0);
    }

    @Test
    void zeroGradOnALeafClearsOnlyThatLeaf() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}});
        Tensor b = Tensor.variable(new double[][] {{3, 4}});
        SUM.apply(ADD.apply(a, b)).backward();
        a.zeroGrad();
        assertTrue(MatrixFeatures_DDRM.isZeros(a.grad(), 0));
        assertMatrixEquals(ones(1, 2), b.grad(), 0);
        Tensor unused = Tensor.variable(new double[][] {{5}});
        unused.zeroGrad();  // no gradient yet: nothing to clear
        assertEquals(0.0, unused.grad().get(0), 0.0);
    }

    @Test
    void constantsReceiveNoGradient() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor k = Tensor.constant(new double[][] {{5, 6}, {7, 8}});
        Tensor loss = SUM.apply(ADD.apply(MATMUL.apply(x, k), k));
        loss.backward();
        assertFalse(k.requiresGrad());
        assertTrue(MatrixFeatures_DDRM.isZeros(k.grad(), 0),
                "a constant's gradient stays zero: " + k.grad());
        assertFalse(MatrixFeatures_DDRM.isZeros(x.grad(), 0));
    }

    @Test
    void anOpOnConstantsOnlyRecordsNothing() {
        Tensor a = Tensor.constant(new double[][] {{1, 2}});
        Tensor b = Tensor.constant(new double[][] {{3, 4}});
        Tensor y = ADD.apply(a, b);
        assertTrue(y.isLeaf());
        assertFalse(y.requiresGrad());
        assertTrue(y.inputs().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SUM.apply(y).backward());
        assertTrue(e.getMessage().contains("(1x1) has no graph"),
                e.getMessage());
        assertTrue(e.getMessage().contains("NoGrad"), e.getMessage());
    }

    @Test
    void backwardWithoutDyNeedsAOneByOneOutput() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor y = ADD.apply(x, x);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                y::backward);
        assertEquals("backward() without dY needs a 1x1 output, got (2x3);"
                + " pass dY of that shape to backward(dY)", e.getMessage());
    }

    @Test
    void backwardWithAWrongShapedDyNamesBothShapes() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor y = ADD.apply(x, x);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> y.backward(new DMatrixRMaj(3, 2)));
        assertEquals("backward: dY (3x2) must have the output's shape (2x3)",
                e.getMessage());
    }

    @Test
    void backwardWithDyWeightsTheOutputs() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor y = ADD.apply(x, x);
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, -1}, {0, 2}});
        y.backward(dY);
        assertMatrixEquals(new DMatrixRMaj(new double[][] {{2, -2}, {0, 4}}),
                x.grad(), 0);
        assertMatrixEquals(new DMatrixRMaj(new double[][] {{1, -1}, {0, 2}}),
                dY, 0);  // backward does not modify the caller's dY
    }

    /** A broken op for the engine's checks: returns dYᵀ as dX. */
    static final class TransposedGradient extends UnaryOp {
        @Override
        public String name() {
            return "transposed_gradient";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            return x.copy();
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return CommonOps_DDRM.transpose(dY, null);
        }
    }

    /** A broken op for the engine's checks: one gradient for two inputs. */
    static final class OneGradientForTwo extends BinaryOp {
        @Override
        public String name() {
            return "one_gradient_for_two";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
            return CommonOps_DDRM.add(a, b, null);
        }

        @Override
        protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return new Grads(dY.copy());
        }
    }

    @Test
    void aWrongShapedGradientNamesTheOpTheInputAndBothShapes() {
        Tensor x = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor loss = SUM.apply(new TransposedGradient().apply(x));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                loss::backward);
        assertEquals("transposed_gradient: backward returned a gradient of"
                + " shape (3x2) for input 0 of shape (2x3)", e.getMessage());
    }

    @Test
    void theWrongNumberOfGradientsIsAnError() {
        Tensor a = Tensor.variable(new DMatrixRMaj(2, 2));
        Tensor b = Tensor.variable(new DMatrixRMaj(2, 2));
        Tensor loss = SUM.apply(new OneGradientForTwo().apply(a, b));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                loss::backward);
        assertEquals("one_gradient_for_two: backward must return one"
                + " gradient per input (2), returned 1", e.getMessage());
    }

    @Test
    void aSquareInputHidesATransposedGradientFromTheShapeCheck() {
        // the shape assertion cannot see this bug; chapter 4's check can
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        new TransposedGradient().apply(x).backward(dY);
        assertMatrixEquals(CommonOps_DDRM.transpose(dY, null), x.grad(), 0);
    }

    @Test
    void equalValuesAreStillDifferentTensors() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}});
        Tensor b = Tensor.variable(new double[][] {{1, 2}});
        Tensor loss = SUM.apply(ADD.apply(a, b));
        List<Tensor> order = Graph.topologicalOrder(loss);
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(order);
        assertEquals(4, seen.size(), "a and b are two nodes: " + order);
        loss.backward();
        // each gets its own 1, not a 2 for one of them and 0 for the other
        assertMatrixEquals(ones(1, 2), a.grad(), 0);
        assertMatrixEquals(ones(1, 2), b.grad(), 0);
    }

    @Test
    void aLeafIsItsOwnGraph() {
        Tensor x = Tensor.variable(new double[][] {{3}});
        assertEquals(List.of(x), Graph.topologicalOrder(x));
        x.backward();
        assertEquals(1.0, x.grad().get(0), 0.0);
    }

    /** Breaks the contract on purpose: its backward returns dY itself. */
    static final class PassDyThrough extends UnaryOp {
        @Override
        public String name() {
            return "pass_dy_through";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            return x.copy();
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return dY;
        }
    }

    @Test
    void aGradientTheEngineKeepsIsNeverAnotherTensorsGradient() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}});
        Tensor y = new PassDyThrough().apply(x);
        SUM.apply(y).backward();
        assertMatrixEquals(ones(1, 2), x.grad(), 0);
        x.grad().set(0, 7.0);  // e.g. an optimizer clipping it in place
        assertMatrixEquals(ones(1, 2), y.grad(), 0);
    }

    @Test
    void theFirstGradientKeptIsAddedToByTheNext() {
        // x feeds matmul twice and add once: three contributions, the first
        // kept as it came from its op, the next two added to it
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor loss = SUM.apply(ADD.apply(MATMUL.apply(x, x), x));
        loss.backward();
        // d/dX Σ(X·X + X) = 1·Xᵀ + Xᵀ·1 + 1
        DMatrixRMaj one = ones(2, 2);
        DMatrixRMaj expected = CommonOps_DDRM.add(
                CommonOps_DDRM.multTransB(one, x.value(), null),
                CommonOps_DDRM.multTransA(x.value(), one, null), null);
        CommonOps_DDRM.addEquals(expected, one);
        assertMatrixEquals(expected, x.grad(), 1e-12);
        loss.backward();  // a second pass adds the same again
        CommonOps_DDRM.scale(2, expected);
        assertMatrixEquals(expected, x.grad(), 1e-12);
    }

    @Test
    void everyGradientGoesThroughTheAccumulatorInUse() {
        GradientAccumulator before = Engine.accumulator();
        int[] calls = {0};
        GradientAccumulator counting = (output, grads, i) -> {
            calls[0]++;
            GradientAccumulator.PLAIN.add(output, grads, i);
        };
        Engine.use(counting);
        try {
            assertSame(counting, Engine.accumulator());
            Tensor x = Tensor.variable(new double[][] {{1, 2}});
            SUM.apply(ADD.apply(x, x)).backward();  // sum: 1, add: 2 inputs
            assertEquals(3, calls[0]);
            assertEquals(2.0, x.grad().get(0, 1), "x + x: 2");
        } finally {
            Engine.use(before);
        }
        assertEquals("Engine.use: the accumulator must not be null;"
                + " GradientAccumulator.PLAIN is the plain one",
                assertThrows(IllegalArgumentException.class,
                        () -> Engine.use(null)).getMessage());
    }
}
