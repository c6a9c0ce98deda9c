package org.scratchformer.translation.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;

/**
 * Anomaly mode's accumulator names the op whose backward turned finite
 * numbers into a NaN or an infinity, not the ops that only passed it on;
 * it wraps whichever accumulator is installed and puts it back; a finite
 * graph's gradients keep their bits.
 */
class CheckedGradientsTest {
    GradientAccumulator installed;

    @BeforeEach
    void remember() {
        installed = Engine.accumulator();
    }

    @AfterEach
    void restore() {
        Engine.use(installed);
    }

    @Test
    void theOpWhoseBackwardMadeTheInfinityIsNamed() {
        // sqrt(0) = 0 is fine forward; its slope 1/(2·√0) is +∞. The tanh
        // and the scale before it receive ∞ as dY and are not named.
        Tensor x = Tensor.variable(new double[][] {{0, 1, 4}});
        Tensor y = Ops.sum(Ops.sqrt(Ops.scale(Ops.tanh(x), 2)));
        NonFiniteException e;
        try (AnomalyMode on = AnomalyMode.on()) {
            e = assertThrows(NonFiniteException.class, y::backward);
        }
        assertEquals("backward pass: Infinity at (0, 0) first appears in"
                + " the gradient 1x3 for input 0 that the backward of sqrt"
                + " (chapter 5, The op catalogue), input (1x3), output (1x3)"
                + " returned", e.getMessage());
    }

    @Test
    void withoutAnomalyModeTheGradientIsAddedUnchecked() {
        Tensor x = Tensor.variable(new double[][] {{0, 1}});
        Ops.sum(Ops.sqrt(x)).backward();
        assertEquals(Double.POSITIVE_INFINITY, x.grad().get(0, 0));
    }

    @Test
    void aGradientThatCameFromAWrongForwardPassIsLeftToTheWalk() {
        // exp(800) = +∞ forward: its backward reads ∞ and returns ∞·dY; the
        // walk over the forward pass names exp, the accumulator does not
        Tensor x = Tensor.variable(new double[][] {{800, 1}});
        Tensor y = Ops.sum(Ops.exp(x));
        try (AnomalyMode on = AnomalyMode.on()) {
            y.backward();
        }
        assertEquals(Double.POSITIVE_INFINITY, x.grad().get(0, 0));
    }

    @Test
    void itWrapsTheInstalledAccumulatorAndPutsItBack() {
        AtomicInteger added = new AtomicInteger();
        GradientAccumulator counting = (output, grads, i) -> {
            added.incrementAndGet();
            GradientAccumulator.PLAIN.add(output, grads, i);
        };
        Engine.use(counting);
        Tensor x = Tensor.variable(new double[][] {{1, 2}});
        try (AnomalyMode on = AnomalyMode.on()) {
            assertTrue(AnomalyMode.isOn());
            try (AnomalyMode twice = AnomalyMode.on()) {
                CheckedGradients checked = (CheckedGradients)
                        Engine.accumulator();
                assertSame(counting, checked.inner(), "wrapped once");
            }
            Ops.sum(Ops.tanh(x)).backward();
        }
        assertEquals(2, added.get(), "sum's and tanh's, by the installed one");
        assertSame(counting, Engine.accumulator(), "put back");
        assertFalse(AnomalyMode.isOn());
    }

    @Test
    void aFiniteGraphsGradientsKeepTheirBits() {
        double[][] rows = {{0.3, -1.7, 2.2}, {0.9, 0.1, -0.4}};
        DMatrixRMaj plain = gradient(rows);
        DMatrixRMaj checked;
        try (AnomalyMode on = AnomalyMode.on()) {
            checked = gradient(rows);
        }
        assertTrue(Arrays.equals(plain.data, checked.data));
    }

    static DMatrixRMaj gradient(double[][] rows) {
        Tensor x = Tensor.variable(rows);
        Tensor y = Ops.sum(Ops.softmax(Ops.matmul(Ops.tanh(x),
                Ops.transpose(x))));
        y.backward();
        return x.grad();
    }

    @Test
    void theAccumulatorToWrapMustExist() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new CheckedGradients(null));
        assertTrue(e.getMessage().contains("must not be null"));
    }
}
