package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The tensor's own small contract: leaves, item, printing. */
class TensorTest {

    @Test
    void itemReadsTheOneElementOfAOneByOne() {
        assertEquals(2.5, Tensor.constant(new double[][] {{2.5}}).item());
        assertEquals(-1.0, Tensor.variable(new double[][] {{-1}}).item());
    }

    @Test
    void itemOnAnythingElseNamesTheShape() {
        for (double[][] rows : new double[][][] {{{1, 2}}, {{1}, {2}},
                {{1, 2}, {3, 4}}}) {
            Tensor t = Tensor.constant(rows);
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, t::item);
            assertEquals("item() needs a 1x1 tensor, got " + t.shape(),
                    e.getMessage());
        }
    }

    @Test
    void leavesSayWhetherTheyCollectAGradient() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}});
        Tensor c = Tensor.constant(new double[][] {{1, 2}});
        assertTrue(x.requiresGrad());
        assertFalse(c.requiresGrad());
        assertFalse(Tensor.constant(new double[][] {{1}}).requiresGrad(), "a scalar is data");
        assertTrue(x.isLeaf() && c.isLeaf());
        assertTrue(x.inputs().isEmpty());
        assertEquals(null, x.op());
    }

    @Test
    void rowsAndColumnsAreTheValuesShape() {
        Tensor t = Tensor.constant(new DMatrixRMaj(2, 5));
        assertEquals(2, t.rows());
        assertEquals(5, t.cols());
        assertEquals("(2x5)", t.shape());
    }

    @Test
    void aTensorPrintsItsShapeAndItsOp() {
        Tensor a = Tensor.variable(new double[][] {{1, 2, 3}});
        assertEquals("Tensor(1x3)", a.toString());
        assertEquals("Tensor(1x1) from sum", new Sum().apply(a).toString());
    }

    @Test
    void gradIsZerosOfTheValuesShapeBeforeBackward() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DMatrixRMaj grad = x.grad();
        assertEquals(2, grad.numRows);
        assertEquals(3, grad.numCols);
        assertEquals(0.0, grad.get(1, 2));
        assertTrue(grad == x.grad(), "the same matrix on every call");
    }

    @Test
    void theArityMessageSaysInputOrInputs() {
        IllegalArgumentException one = assertThrows(
                IllegalArgumentException.class,
                () -> Shapes.requireArity("neg", 1, 2));
        assertEquals("neg: takes 1 input, got 2", one.getMessage());
        IllegalArgumentException two = assertThrows(
                IllegalArgumentException.class,
                () -> Shapes.requireArity("add", 2, 1));
        assertEquals("add: takes 2 inputs, got 1", two.getMessage());
        Shapes.requireArity("add", 2, 2);
    }

    @Test
    void shapesAreTheSameOnlyIfRowsAndColumnsAre() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        assertTrue(Shapes.same(a, new DMatrixRMaj(2, 3)));
        assertFalse(Shapes.same(a, new DMatrixRMaj(3, 3)));
        assertFalse(Shapes.same(a, new DMatrixRMaj(2, 2)));
        assertEquals("(2x3)", Shapes.of(a));
        assertEquals("(4x1)", Shapes.of(4, 1));
    }

    @Test
    void gradsPrintTheirShapesAndSayWhichInputTakesNone() {
        Grads grads = new Grads(new DMatrixRMaj(2, 3), null);
        assertEquals(2, grads.size());
        assertEquals(null, grads.get(1));
        assertEquals("Grads[(2x3), none]", grads.toString());
    }

    @Test
    void keepGradKeepsTheMatrixItselfOnlyAsTheFirstGradient() {
        Tensor t = Tensor.variable(new double[][] {{1, 2}});
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{3, 4}});
        assertEquals("keepGrad: Tensor(1x2) cannot keep a gradient of shape"
                + " (2x1)", assertThrows(IllegalStateException.class,
                        () -> t.keepGrad(new DMatrixRMaj(2, 1))).getMessage());
        assertFalse(t.hasGrad(), "a refused gradient is not kept");
        t.keepGrad(g);
        assertSame(g, t.grad(), "no copy");
        assertEquals("keepGrad: Tensor(1x2) has a gradient already",
                assertThrows(IllegalStateException.class,
                        () -> t.keepGrad(g.copy())).getMessage());
        t.clearGrad();
        assertFalse(t.hasGrad());
        assertEquals(0.0, t.grad().get(0, 1), "from zeros again");
    }
}
