package org.scratchformer.translation.anomaly;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchformer.nn.Module;
import org.scratchformer.nn.Parameter;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.tensor.UnaryOp;

/**
 * The edges of anomaly mode: a NaN made from finite numbers, the fault at
 * the first element of a matrix, the walk over the logits, the always-on
 * step check with and without the mode, and the request for it.
 */
class AnomalyEdgesTest {
    static final double INF = Double.POSITIVE_INFINITY;

    GradientAccumulator installed;

    @BeforeEach
    void remember() {
        installed = Engine.accumulator();
    }

    @AfterEach
    void restore() {
        Engine.use(installed);
        System.clearProperty(AnomalyMode.PROPERTY);
    }

    /** One weight matrix, so that a walk can name it. */
    static final class OneWeight extends Module {
        final Parameter w;

        OneWeight(double[][] rows) {
            w = parameter("w", new Parameter(new DMatrixRMaj(rows)));
        }
    }

    /**
     * A test op with a finite output of its own choosing and a backward
     * that returns +∞ at (0, 0): where the walk or the accumulator must
     * look further back, or not.
     */
    static final class InfiniteSlope extends UnaryOp {
        final double out;

        InfiniteSlope(double out) {
            this.out = out;
        }

        @Override
        public String name() {
            return "infinite_slope";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
            y.fill(1);
            y.set(0, 0, out);
            return y;
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);
            dX.set(0, 0, INF);
            return dX;
        }
    }

    @Test
    void aNaNMadeFromNumbersWithoutOneIsNamedWhereItWasMade() {
        // a constant's +∞ is no fault; x + ∞ − ∞ = NaN is, in sub
        Tensor x = Tensor.variable(new double[][] {{1, 2}});
        Tensor c = Tensor.constant(new double[][] {{INF, 0}});
        Tensor y = Ops.sum(Ops.sub(Ops.add(x, c), c));
        assertEquals(Optional.of("forward pass: NaN at (0, 0) first appears"
                + " in the output of sub (chapter 5, The op catalogue),"
                + " inputs (1x2), (1x2), output (1x2)"),
                ForwardCheck.firstFault(y, Map.of()));
    }

    @Test
    void theLogitsAreWalkedInAnomalyModeOnly() {
        OneWeight model = new OneWeight(new double[][] {{1, 2}, {3, 4}});
        model.w.value().set(0, 0, Double.NaN);  // the first element
        Tensor x = Tensor.constant(new double[][] {{1, 1}});
        Tensor logits = Ops.matmul(x, model.w.tensor());
        assertDoesNotThrow(() -> ForwardCheck.inAnomalyMode(logits, model),
                "outside anomaly mode, the walk is not made");
        try (AnomalyMode on = AnomalyMode.on()) {
            NonFiniteException e = assertThrows(NonFiniteException.class,
                    () -> ForwardCheck.inAnomalyMode(logits, model));
            assertEquals("forward pass: matmul (chapter 3, Matrices and the"
                    + " tensor engine), inputs (1x2), (2x2), output (1x2)"
                    + " reads NaN at (0, 0) in input 1, the parameter w"
                    + " (2x2)", e.getMessage());
        }
    }

    @Test
    void finiteLogitsOrAConstantInfinityPassTheWalk() {
        OneWeight model = new OneWeight(new double[][] {{1}});
        try (AnomalyMode on = AnomalyMode.on()) {
            Tensor finite = Ops.tanh(Tensor.variable(new double[][] {{1}}));
            assertDoesNotThrow(() -> ForwardCheck.inAnomalyMode(finite,
                    model));
            // a constant's −∞ or +∞ is not a fault: nothing to name
            Tensor constant = Tensor.constant(new double[][] {{INF, 1}});
            assertDoesNotThrow(() -> ForwardCheck.inAnomalyMode(constant,
                    model));
        }
    }

    @Test
    void anInfiniteSlopeAtAWrongInputIsLeftToTheWalk() {
        // the input holds +∞ at (0, 0), the output and dY are finite: the
        // slope's ∞ did not begin in this op's backward
        Tensor x = Tensor.variable(new double[][] {{INF, 1}});
        Tensor y = Ops.sum(new InfiniteSlope(5).apply(x));
        try (AnomalyMode on = AnomalyMode.on()) {
            y.backward();
        }
        assertEquals(INF, x.grad().get(0, 0));
    }

    @Test
    void anInfiniteSlopeAtAWrongOutputIsLeftToTheWalk() {
        Tensor x = Tensor.variable(new double[][] {{2, 1}});
        Tensor y = Ops.sum(new InfiniteSlope(INF).apply(x));
        try (AnomalyMode on = AnomalyMode.on()) {
            y.backward();
        }
        assertEquals(INF, x.grad().get(0, 0));
    }

    @Test
    void anInfiniteSlopeAfterAWrongDyIsLeftToTheWalk() {
        // dY of the slope op is +∞ at (0, 0), from the product with a
        // constant ∞ after it: the fault is not the slope op's
        Tensor x = Tensor.variable(new double[][] {{2, 1}});
        Tensor c = Tensor.constant(new double[][] {{INF, 1}});
        Tensor y = Ops.sum(Ops.mul(new InfiniteSlope(5).apply(x), c));
        try (AnomalyMode on = AnomalyMode.on()) {
            y.backward();
        }
        assertEquals(INF, x.grad().get(0, 0));
    }

    @Test
    void anInfiniteSlopeFromFiniteNumbersIsNamed() {
        Tensor x = Tensor.variable(new double[][] {{2, 1}});
        Tensor y = Ops.sum(new InfiniteSlope(5).apply(x));
        try (AnomalyMode on = AnomalyMode.on()) {
            NonFiniteException e = assertThrows(NonFiniteException.class,
                    y::backward);
            assertTrue(e.getMessage().startsWith("backward pass: Infinity"
                    + " at (0, 0) first appears in the gradient 1x2 for"
                    + " input 0 that the backward of infinite_slope"),
                    e.getMessage());
        }
    }

    @Test
    void theStepCheckNamesTheLossOutsideAnomalyModeAndTheOpInIt() {
        OneWeight model = new OneWeight(new double[][] {{Double.NaN, 1}});
        Tensor loss = Ops.sum(Ops.tanh(model.w.tensor()));
        NonFiniteException plain = assertThrows(NonFiniteException.class,
                () -> StepCheck.requireFinite(loss, model.parameters()));
        assertTrue(plain.getMessage().startsWith("the loss is NaN"),
                plain.getMessage());
        try (AnomalyMode on = AnomalyMode.on()) {
            NonFiniteException named = assertThrows(
                    NonFiniteException.class,
                    () -> StepCheck.requireFinite(loss, model.parameters()));
            assertTrue(named.getMessage().startsWith("forward pass: tanh"),
                    named.getMessage());
        }
    }

    @Test
    void theFirstNonFiniteWeightIsNamedWithItsPlace() {
        OneWeight model = new OneWeight(new double[][] {{1, 2}, {3, 4}});
        assertEquals(Optional.empty(),
                StepCheck.firstNonFiniteWeight(model.parameters()));
        model.w.value().set(1, 0, -INF);
        assertEquals(Optional.of("the parameter w (2x2) holds -Infinity at"
                + " (1, 0)"), StepCheck.firstNonFiniteWeight(
                        model.parameters()));
        model.w.value().set(0, 0, Double.NaN);
        assertEquals(Optional.of("the parameter w (2x2) holds NaN at"
                + " (0, 0)"), StepCheck.firstNonFiniteWeight(
                        model.parameters()));
    }

    @Test
    void anomalyModeIsAskedForByTheOptionOrTheProperty() {
        assertTrue(AnomalyMode.requested(true));
        assertFalse(AnomalyMode.requested(false));
        System.setProperty(AnomalyMode.PROPERTY, "true");
        assertTrue(AnomalyMode.requested(false));
        System.setProperty(AnomalyMode.PROPERTY, "false");
        assertFalse(AnomalyMode.requested(false));
    }
}
