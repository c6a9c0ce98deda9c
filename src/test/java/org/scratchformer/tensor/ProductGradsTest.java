package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A gradient returned as a {@link Grads#product}: computed only where it
 * goes, straight into a gradient that exists (one chain of multiply-adds
 * per element starting from its value), into a new matrix otherwise, and
 * on demand for whoever reads it with {@code get}.
 */
class ProductGradsTest {
    private final Random random = new Random(13);

    /** Y = A·B; backward returns dA = dY·Bᵀ and dB = Aᵀ·dY as products. */
    static final Op PRODUCT = new Op() {
        @Override
        public String name() {
            return "product";
        }

        @Override
        public DMatrixRMaj forward(List<DMatrixRMaj> x) {
            return Products.mult(x.get(0), x.get(1));
        }

        @Override
        public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return new Grads(null, null)
                    .product(0, false, dY, true, x.get(1))
                    .product(1, true, x.get(0), false, dY);
        }
    };

    private DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextGaussian();
        }
        return m;
    }

    @Test
    void intoAZeroGradientItGivesTheBitsOfTheProductAdded() {
        Tensor a = Tensor.variable(random(7, 5));
        Tensor b = Tensor.variable(random(5, 9));
        DMatrixRMaj dY = random(7, 9);
        a.grad();  // zeros, as after zeroGrad: the product is added in place
        DMatrixRMaj aGrad = a.grad();
        PRODUCT.apply(a, b).backward(dY);
        assertSame(aGrad, a.grad(), "added into the gradient it had");
        assertArrayEquals(Products.multTransB(dY, b.value()).data,
                a.grad().data);
        assertArrayEquals(Products.multTransA(a.value(), dY).data,
                b.grad().data, "no gradient yet: a new matrix, kept");
    }

    @Test
    void intoAGradientWithValuesEachElementIsOneChainFromIt() {
        Tensor a = Tensor.variable(random(6, 40));
        Tensor b = Tensor.variable(random(40, 8));
        DMatrixRMaj dY = random(6, 8);
        DMatrixRMaj before = random(40, 8);
        b.grad().setTo(before);
        PRODUCT.apply(a, b).backward(dY);
        DMatrixRMaj chain = before.copy();  // += op(A)·op(B), one chain
        Products.gemm(true, false, 40, 8, 6, a.value().data, 0, 40,
                dY.data, 0, 8, chain.data, 0, 8, true);
        assertArrayEquals(chain.data, b.grad().data);
        DMatrixRMaj added = Products.multTransA(a.value(), dY);
        for (int i = 0; i < added.data.length; i++) {
            added.data[i] += before.data[i];
            assertEquals(added.data[i], b.grad().data[i], 1e-12);
        }
        assertFalse(Arrays.equals(added.data, b.grad().data),
                "one rounding fewer than a product added to the gradient");
    }

    @Test
    void aTensorUsedTwiceReceivesBothProducts() {
        Tensor a = Tensor.variable(random(4, 4));
        Tensor y = PRODUCT.apply(a, a);  // d(A·A) = dY·Aᵀ + Aᵀ·dY
        DMatrixRMaj dY = random(4, 4);
        y.backward(dY);
        DMatrixRMaj expected = Products.multTransB(dY, a.value());
        DMatrixRMaj second = Products.multTransA(a.value(), dY);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i] + second.data[i],
                    a.grad().data[i], 1e-12);
        }
    }

    @Test
    void getComputesTheProductOnceAndShapesDoNotComputeIt() {
        DMatrixRMaj x = random(3, 4);
        DMatrixRMaj d = random(3, 2);
        Grads grads = new Grads(null, null).product(1, true, x, false, d);
        long flops = Products.flops();
        assertEquals(4, grads.rows(1));
        assertEquals(2, grads.cols(1));
        assertTrue(grads.has(1));
        assertFalse(grads.has(0));
        assertTrue(grads.isProduct(1));
        assertEquals("Grads[none, (4x2) product]", grads.toString());
        assertEquals(flops, Products.flops(), "nothing computed yet");
        DMatrixRMaj g = grads.get(1);
        assertArrayEquals(Products.multTransA(x, d).data, g.data);
        assertSame(g, grads.get(1), "computed once");
        assertFalse(grads.isProduct(1), "now a matrix like any other");
    }

    @Test
    void factorsThatDoNotFitAreAnError() {
        Grads grads = new Grads((DMatrixRMaj) null);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> grads.product(0, true, random(3, 4), false,
                        random(2, 5)));
        assertEquals("Grads.product: op(A) (3x4)ᵀ and op(B) (2x5) have"
                + " inner sizes 3 and 2", e.getMessage());
    }

    @Test
    void anEntryIsGivenOnce() {
        DMatrixRMaj m = random(2, 2);
        Grads grads = new Grads(m, null).product(1, false, m, false, m);
        IllegalStateException taken = assertThrows(
                IllegalStateException.class,
                () -> grads.product(0, false, m, false, m));
        assertEquals("Grads.product: entry 0 of Grads[(2x2), (2x2) product]"
                + " is taken", taken.getMessage());
        assertThrows(IllegalStateException.class,
                () -> grads.product(1, false, m, false, m));
        assertThrows(IllegalStateException.class,
                () -> Grads.block(m, 0, 0).product(0, false, m, false, m));
    }

    @Test
    void aProductOfTheWrongShapeNamesTheOpAndBothShapes() {
        Op wrong = new Op() {
            @Override
            public String name() {
                return "wrong";
            }

            @Override
            public DMatrixRMaj forward(List<DMatrixRMaj> x) {
                return x.get(0).copy();
            }

            @Override
            public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                    DMatrixRMaj dY) {  // dYᵀ·dY: (3x3) for a (2x3) input
                return new Grads((DMatrixRMaj) null)
                        .product(0, true, dY, false, dY);
            }
        };
        Tensor x = Tensor.variable(random(2, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> wrong.apply(x).backward(random(2, 3)));
        assertEquals("wrong: backward returned a gradient of shape (3x3)"
                + " for input 0 of shape (2x3)", e.getMessage());
        assertFalse(x.hasGrad(), "nothing added");
    }

    @Test
    void anIntermediateReceivesItsProductAsAMatrixOfItsOwn() {
        Tensor a = Tensor.variable(random(3, 3));
        Tensor b = Tensor.variable(random(3, 3));
        Tensor mid = PRODUCT.apply(a, b);
        Tensor y = PRODUCT.apply(mid, b);
        DMatrixRMaj dY = random(3, 3);
        y.backward(dY);
        DMatrixRMaj dMid = Products.multTransB(dY, b.value());
        assertArrayEquals(dMid.data, mid.grad().data);
        assertArrayEquals(Products.multTransB(dMid, b.value()).data,
                a.grad().data);
    }
}
