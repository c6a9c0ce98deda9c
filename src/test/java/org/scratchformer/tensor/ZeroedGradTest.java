package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#zeroGrad} writes no zeros: a gradient read after it is
 * zeros, the first product the engine adds is written over the old numbers
 * (chapter 13), anything else is added to zeros written then, and the
 * gradient matrix stays the same object throughout.
 */
class ZeroedGradTest {
    static final Add ADD = new Add();
    private final Random random = new Random(29);

    private DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextGaussian();
        }
        return m;
    }

    /** A leaf whose gradient holds numbers, then zeroGrad. */
    private Tensor zeroedAfterValues(DMatrixRMaj value) {
        Tensor t = Tensor.variable(value);
        t.grad().setTo(random(value.numRows, value.numCols));
        t.zeroGrad();
        return t;
    }

    /** The gradient matrix of a zeroed t, the old numbers still in it. */
    private static DMatrixRMaj matrixOf(Tensor t) {
        DMatrixRMaj g = t.overwriteGrad();  // what the engine would get
        t.zeroGrad();                       // and zeroed again
        return g;
    }

    @Test
    void aGradientReadAfterZeroGradIsZerosInTheSameMatrix() {
        Tensor t = Tensor.variable(random(4, 6));
        DMatrixRMaj g = t.grad();
        g.setTo(random(4, 6));
        DMatrixRMaj before = g.copy();
        t.zeroGrad();
        assertArrayEquals(before.data, g.data, "zeroGrad writes nothing");
        assertFalse(t.hasGrad());
        assertTrue(t.isZeroed());
        assertSame(g, t.grad());
        assertArrayEquals(new double[24], g.data, "read: zeros");
        assertTrue(t.hasGrad());
        assertFalse(t.isZeroed());
    }

    @Test
    void zeroGradWithoutAGradientLeavesNone() {
        Tensor t = Tensor.variable(random(2, 3));
        t.zeroGrad();
        assertFalse(t.hasGrad());
        assertFalse(t.isZeroed(), "nothing to keep");
        assertArrayEquals(new double[6], t.grad().data);
    }

    @Test
    void theFirstProductIsWrittenOverTheOldNumbers() {
        Tensor a = Tensor.variable(random(7, 33));
        Tensor b = zeroedAfterValues(random(33, 9));
        DMatrixRMaj kept = matrixOf(b);
        DMatrixRMaj dY = random(7, 9);
        ProductGradsTest.PRODUCT.apply(a, b).backward(dY);
        assertSame(kept, b.grad(), "the same matrix, written over");
        assertArrayEquals(Products.multTransA(a.value(), dY).data,
                b.grad().data, "the product, not the old numbers + it");
    }

    @Test
    void aSecondProductIsAddedAsIntoZeros() {
        DMatrixRMaj value = random(33, 9);
        DMatrixRMaj dY1 = random(7, 9);
        DMatrixRMaj dY2 = random(5, 9);
        DMatrixRMaj x1 = random(7, 33);
        DMatrixRMaj x2 = random(5, 33);
        Tensor fresh = Tensor.variable(value.copy());
        fresh.grad();  // zeros written: the engine adds into them
        Tensor zeroed = zeroedAfterValues(value.copy());
        for (Tensor b : new Tensor[] {fresh, zeroed}) {
            ProductGradsTest.PRODUCT.apply(Tensor.constant(x1), b)
                    .backward(dY1);
            ProductGradsTest.PRODUCT.apply(Tensor.constant(x2), b)
                    .backward(dY2);
        }
        assertArrayEquals(fresh.grad().data, zeroed.grad().data,
                "the same bits as zeros written first");
    }

    @Test
    void aGradientThatIsNoProductIsAddedToZerosWrittenThen() {
        Tensor a = zeroedAfterValues(random(3, 4));
        DMatrixRMaj kept = matrixOf(a);
        Tensor b = Tensor.variable(random(3, 4));
        DMatrixRMaj dY = random(3, 4);
        ADD.apply(a, b).backward(dY);
        assertSame(kept, a.grad());
        assertArrayEquals(dY.data, a.grad().data, "0 + dY, not old + dY");
    }
}
