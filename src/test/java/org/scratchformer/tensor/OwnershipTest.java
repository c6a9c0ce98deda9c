package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gradient the engine keeps is a matrix of its own: one that an op made
 * for this call is kept as it is; one that is also Y, an input or another
 * input's gradient is copied, so that changing one gradient (clipping it
 * in place, say) changes nothing else.
 */
class OwnershipTest {
    /** Y = X₀ + X₁ with a chosen backward: (dX₀, dX₁) = pick(x, y, dY). */
    interface Pick {
        Grads of(List<DMatrixRMaj> x, DMatrixRMaj y, DMatrixRMaj dY);
    }

    static Op adding(Pick pick) {
        return new Op() {
            @Override
            public String name() {
                return "adding";
            }

            @Override
            public DMatrixRMaj forward(List<DMatrixRMaj> x) {
                DMatrixRMaj y = x.get(0).copy();
                for (int i = 0; i < y.getNumElements(); i++) {
                    y.data[i] += x.get(1).data[i];
                }
                return y;
            }

            @Override
            public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                    DMatrixRMaj dY) {
                return pick.of(x, y, dY);
            }
        };
    }

    @BeforeEach
    void thePlainAccumulator() {  // the program may have installed another
        Engine.use(GradientAccumulator.PLAIN);
    }

    final Tensor a = Tensor.variable(new double[][] {{1, 2}});
    final Tensor b = Tensor.variable(new double[][] {{3, 4}});

    @Test
    void aGradientIsAddedIntoTheInputsOwnMatrixNeverKept() {
        DMatrixRMaj[] made = new DMatrixRMaj[2];
        Tensor y = adding((x, out, dY) -> {
            made[0] = dY.copy();
            made[1] = dY.copy();
            return new Grads(made[0], made[1]);
        }).apply(a, b);
        assertFalse(a.hasGrad(), "no gradient before backward");
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
        assertNotSame(made[0], a.grad());
        assertNotSame(made[1], b.grad());
        assertArrayEquals(made[0].data, a.grad().data, 0.0);
        made[0].set(0, 0, 99);  // the op's matrix is not the gradient
        assertEquals(1.0, a.grad().get(0, 0));
    }

    @Test
    void aMissingGradientIsNotComparedWith() {
        DMatrixRMaj[] made = new DMatrixRMaj[1];
        Tensor y = adding((x, out, dY) -> {
            made[0] = dY.copy();
            return new Grads(made[0], null);
        }).apply(a, b);
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
        assertArrayEquals(made[0].data, a.grad().data, 0.0);
        assertFalse(b.hasGrad(), "its gradient was null");
    }

    @Test
    void yAnInputOrOneMatrixForTwoInputsIsCopied() {
        Pick[] picks = {
            (x, y, dY) -> new Grads(y, dY.copy()),              // Y
            (x, y, dY) -> new Grads(x.get(0), dY.copy()),       // input 0
            (x, y, dY) -> new Grads(dY.copy(), x.get(0)),       // input 0
        };
        for (Pick pick : picks) {
            Tensor a = Tensor.variable(new double[][] {{1, 2}});
            Tensor b = Tensor.variable(new double[][] {{3, 4}});
            Tensor y = adding(pick).apply(a, b);
            y.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
            a.grad().set(0, 100.0);
            b.grad().set(0, 100.0);
            assertArrayEquals(new double[] {4, 6}, y.value().data, 0.0);
            assertArrayEquals(new double[] {1, 2}, a.value().data, 0.0);
        }
        DMatrixRMaj[] one = new DMatrixRMaj[1];
        Tensor y = adding((x, out, dY) -> {
            one[0] = dY.copy();
            return new Grads(one[0], one[0]);
        }).apply(a, b);
        y.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
        assertNotSame(a.grad(), b.grad());
        a.grad().set(0, 100.0);
        assertArrayEquals(new double[] {1, 1}, b.grad().data, 0.0);
        assertTrue(a.hasGrad() && b.hasGrad());
    }
}
