package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.tensor.EngineTest.assertMatrixEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;

/** Chapter 3's ops: known values, shape errors, untouched inputs. */
class OpsTest {
    static final Add ADD = new Add();
    static final MatMul MATMUL = new MatMul();
    static final Sum SUM = new Sum();

    @Test
    void addAddsElementwiseAndPassesDyToBoth() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{10, 20}, {30, 40}});
        assertMatrixEquals(new DMatrixRMaj(new double[][] {{11, 22},
            {33, 44}}), ADD.forward(List.of(a, b)), 0);
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, -1}, {2, 0}});
        Grads grads = ADD.backward(List.of(a, b), null, dY);
        assertMatrixEquals(dY, grads.get(0), 0);
        assertMatrixEquals(dY, grads.get(1), 0);
        assertTrue(grads.get(0) != dY && grads.get(1) != grads.get(0),
                "each input gets its own copy of dY");
    }

    @Test
    void matmulMultipliesAndReturnsTransposedProducts() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2, 3}});  // 1x3
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1},
            {2, -1}});                                               // 3x2
        DMatrixRMaj y = MATMUL.forward(List.of(a, b));
        assertMatrixEquals(new DMatrixRMaj(new double[][] {{7, -1}}), y, 0);
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 10}});
        Grads grads = MATMUL.backward(List.of(a, b), y, dY);
        // dA = dY·Bᵀ (1x3), dB = Aᵀ·dY (3x2)
        assertMatrixEquals(new DMatrixRMaj(new double[][] {{1, 10, -8}}),
                grads.get(0), 0);
        assertMatrixEquals(new DMatrixRMaj(new double[][] {{1, 10},
            {2, 20}, {3, 30}}), grads.get(1), 0);
    }

    @Test
    void sumAddsEverythingAndHandsDyToEveryElement() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 3},
            {4, 5, 6}});
        DMatrixRMaj y = SUM.forward(List.of(x));
        assertEquals(1, y.numRows);
        assertEquals(1, y.numCols);
        assertEquals(21.0, y.get(0), 0.0);
        DMatrixRMaj dX = SUM.backward(List.of(x), y,
                new DMatrixRMaj(new double[][] {{2.5}})).get(0);
        assertEquals(2, dX.numRows);
        assertEquals(3, dX.numCols);
        assertTrue(MatrixFeatures_DDRM.isConstantVal(dX, 2.5, 0));
    }

    @Test
    void matmulWithMismatchedInnerSizesNamesTheOpAndBothShapes() {
        Tensor a = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor b = Tensor.variable(new DMatrixRMaj(4, 5));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> MATMUL.apply(a, b));
        assertEquals("matmul: cannot multiply (2x3) by (4x5): inner sizes 3"
                + " and 4 differ", e.getMessage());
    }

    @Test
    void addWithDifferentShapesNamesTheOpAndBothShapes() {
        Tensor a = Tensor.variable(new DMatrixRMaj(2, 3));
        Tensor b = Tensor.variable(new DMatrixRMaj(3, 2));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ADD.apply(a, b));
        assertEquals("add: shapes (2x3) and (3x2) differ; an elementwise op"
                + " needs equal shapes", e.getMessage());
    }

    @Test
    void theWrongNumberOfInputsNamesTheOp() {
        Tensor a = Tensor.variable(new DMatrixRMaj(2, 2));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ADD.apply(a, a, a));
        assertEquals("add: takes 2 inputs, got 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SUM.apply(a, a));
        assertEquals("sum: takes 1 input, got 2", e.getMessage());
    }

    /** Random cases: each op with inputs of random shapes and values. */
    static Stream<Arguments> cases() {
        return RandomCases.seeds(3, 30).flatMap(seed -> {
            Random r = new Random(seed);
            int n = RandomCases.size(r);
            int k = RandomCases.size(r);
            int m = RandomCases.size(r);
            return Stream.of(
                    testCase(ADD, seed, RandomCases.values(r, n, k),
                            RandomCases.values(r, n, k)),
                    testCase(MATMUL, seed, RandomCases.values(r, n, k),
                            RandomCases.values(r, k, m)),
                    testCase(SUM, seed, RandomCases.values(r, n, m)));
        });
    }

    /** The display name shows the op's name and the inputs' shapes. */
    static Arguments testCase(Op op, long seed, DMatrixRMaj... x) {
        List<DMatrixRMaj> inputs = List.of(x);
        String shapes = inputs.stream().map(Shapes::of).toList().toString();
        return Arguments.of(Named.of(op.name(), op), seed,
                Named.of(shapes, inputs));
    }

    @ParameterizedTest(name = "{0} seed={1} inputs={2}")
    @MethodSource("cases")
    void forwardAndBackwardLeaveTheirArgumentsAlone(Op op, long seed,
            List<DMatrixRMaj> x) {
        List<DMatrixRMaj> before = x.stream().map(DMatrixRMaj::copy)
                .toList();
        DMatrixRMaj y = op.forward(x);
        DMatrixRMaj yBefore = y.copy();
        DMatrixRMaj dY = RandomCases.values(new Random(seed), y.numRows,
                y.numCols);
        DMatrixRMaj dYBefore = dY.copy();
        Grads grads = op.backward(x, y, dY);

        for (int i = 0; i < x.size(); i++) {
            assertMatrixEquals(before.get(i), x.get(i), 0);
            assertTrue(grads.get(i) != x.get(i) && grads.get(i) != dY,
                    "input " + i + ": a gradient must be a new matrix");
        }
        assertMatrixEquals(yBefore, y, 0);
        assertMatrixEquals(dYBefore, dY, 0);
    }

    @ParameterizedTest(name = "matmul seed={0} A=({1}x{2}) B=({2}x{3})")
    @MethodSource("matmulShapes")
    void matmulBackwardMatchesTheSumsItStandsFor(long seed, int n, int k,
            int m) {
        Random r = new Random(seed);
        DMatrixRMaj a = RandomCases.values(r, n, k);
        DMatrixRMaj b = RandomCases.values(r, k, m);
        DMatrixRMaj dY = RandomCases.values(r, n, m);
        Grads grads = MATMUL.backward(List.of(a, b),
                MATMUL.forward(List.of(a, b)), dY);
        // Y[i][j] = Σₖ A[i][k]·B[k][j], so
        // dA[i][k] = Σⱼ dY[i][j]·B[k][j]  and  dB[k][j] = Σᵢ A[i][k]·dY[i][j]
        DMatrixRMaj dA = new DMatrixRMaj(n, k);
        DMatrixRMaj dB = new DMatrixRMaj(k, m);
        for (int i = 0; i < n; i++) {
            for (int kk = 0; kk < k; kk++) {
                for (int j = 0; j < m; j++) {
                    dA.add(i, kk, dY.get(i, j) * b.get(kk, j));
                    dB.add(kk, j, a.get(i, kk) * dY.get(i, j));
                }
            }
        }
        assertMatrixEquals(dA, grads.get(0), 1e-14);
        assertMatrixEquals(dB, grads.get(1), 1e-14);
    }

    static Stream<Arguments> matmulShapes() {
        return RandomCases.seeds(33, 30).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r), RandomCases.size(r),
                    RandomCases.size(r));
        });
    }
}
