package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scratchformer.ops.MatrixAssertions.assertClose;
import static org.scratchformer.ops.MatrixAssertions.gradients;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** matmul_nt, matmul_tn and transpose: examples, errors, properties. */
class MatMulVariantsTest {
    static final double[][] A23 = {{1, 2, 3}, {4, 5, 6}};

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_002, 20);
    }

    @Test
    void matmulNtMultipliesByTheTransposeOfB() {
        Tensor a = Tensor.variable(A23);                            // (2, 3)
        Tensor b = Tensor.variable(new double[][] {{1, 0, 1}, {0, 1, 0}});
        Tensor y = Ops.matmulTransB(a, b);                          // (2, 2)
        assertClose(new double[][] {{4, 2}, {10, 5}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}));
        // dA = dY·B
        assertClose(new double[][] {{1, 2, 1}, {3, 4, 3}}, a.grad());
        // dB = dYᵀ·A
        assertClose(new double[][] {{13, 17, 21}, {18, 24, 30}}, b.grad());
    }

    @Test
    void matmulTnMultipliesTheTransposeOfAByB() {
        Tensor a = Tensor.variable(A23);                            // (2, 3)
        Tensor b = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor y = Ops.matmulTransA(a, b);                          // (3, 2)
        assertClose(new double[][] {{13, 18}, {17, 24}, {21, 30}},
                y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        // dA = B·dYᵀ
        assertClose(new double[][] {{1, 2, 3}, {3, 4, 7}}, a.grad());
        // dB = A·dY
        assertClose(new double[][] {{4, 5}, {10, 11}}, b.grad());
    }

    @Test
    void transposeSwapsRowsAndColumnsAndSoDoesItsGradient() {
        Tensor x = Tensor.variable(A23);
        Tensor y = Ops.transpose(x);
        assertClose(new double[][] {{1, 4}, {2, 5}, {3, 6}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        assertClose(new double[][] {{1, 3, 5}, {2, 4, 6}}, x.grad());
    }

    @Test
    void matmulNtNamesBothShapesAndTheColumnCounts() {
        Tensor a = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor b = Tensor.variable(new DMatrixRMaj(2, 4));
        assertEquals("matmul_nt: cannot multiply (2x3) by the transpose of"
                + " (2x4): A has 3 columns and B has 4; A·Bᵀ needs equal"
                + " column counts", assertThrows(
                IllegalArgumentException.class,
                () -> Ops.matmulTransB(a, b)).getMessage());
    }

    @Test
    void matmulTnNamesBothShapesAndTheRowCounts() {
        Tensor a = Tensor.variable(new DMatrixRMaj(3, 2));
        Tensor b = Tensor.variable(new DMatrixRMaj(4, 2));
        assertEquals("matmul_tn: cannot multiply the transpose of (3x2) by"
                + " (4x2): A has 3 rows and B has 4; Aᵀ·B needs equal row"
                + " counts", assertThrows(IllegalArgumentException.class,
                () -> Ops.matmulTransA(a, b)).getMessage());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void matmulNtEqualsMatmulWithATranspose(long seed) {
        Random r = new Random(seed);
        int n = RandomCases.size(r);
        int k = RandomCases.size(r);
        int m = RandomCases.size(r);
        DMatrixRMaj a = RandomCases.values(r, n, k);
        DMatrixRMaj b = RandomCases.values(r, m, k);
        DMatrixRMaj dY = RandomCases.values(r, n, m);
        String at = "seed " + seed;
        assertClose(Ops.matmul(Tensor.constant(a),
                Ops.transpose(Tensor.constant(b))).value(),
                Ops.matmulTransB(Tensor.constant(a), Tensor.constant(b))
                        .value(), 1e-14, at);
        List<DMatrixRMaj> composed = gradients(
                x -> Ops.matmul(x.get(0), Ops.transpose(x.get(1))), dY, a, b);
        List<DMatrixRMaj> fused = gradients(
                x -> Ops.matmulTransB(x.get(0), x.get(1)), dY, a, b);
        assertClose(composed.get(0), fused.get(0), 1e-14, at + ", dA");
        assertClose(composed.get(1), fused.get(1), 1e-14, at + ", dB");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void matmulTnEqualsMatmulOfATranspose(long seed) {
        Random r = new Random(seed);
        int k = RandomCases.size(r);
        int n = RandomCases.size(r);
        int m = RandomCases.size(r);
        DMatrixRMaj a = RandomCases.values(r, k, n);
        DMatrixRMaj b = RandomCases.values(r, k, m);
        DMatrixRMaj dY = RandomCases.values(r, n, m);
        String at = "seed " + seed;
        assertClose(Ops.matmul(Ops.transpose(Tensor.constant(a)),
                Tensor.constant(b)).value(),
                Ops.matmulTransA(Tensor.constant(a), Tensor.constant(b))
                        .value(), 1e-14, at);
        List<DMatrixRMaj> composed = gradients(
                x -> Ops.matmul(Ops.transpose(x.get(0)), x.get(1)), dY, a, b);
        List<DMatrixRMaj> fused = gradients(
                x -> Ops.matmulTransA(x.get(0), x.get(1)), dY, a, b);
        assertClose(composed.get(0), fused.get(0), 1e-14, at + ", dA");
        assertClose(composed.get(1), fused.get(1), 1e-14, at + ", dB");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void transposingTwiceGivesBackXAndItsGradient(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        DMatrixRMaj x = RandomCases.values(r, rows, cols);
        DMatrixRMaj dY = RandomCases.values(r, rows, cols);
        String at = "seed " + seed;
        Tensor twice = Ops.transpose(Ops.transpose(Tensor.constant(x)));
        assertClose(x, twice.value(), 0, at);
        assertClose(dY, gradients(
                t -> Ops.transpose(Ops.transpose(t.get(0))), dY, x).get(0),
                0, at + ", dX");
    }
}
