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

/**
 * add_row and the reductions it is paired with (sum_rows, sum_cols, mean,
 * mean_rows, mean_cols): a broadcast forward has a sum as its backward,
 * and a sum has a broadcast.
 */
class ReductionOpsTest {
    static final double[][] X = {{1, 2, 3}, {4, 5, 6}};  // (2, 3)

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_003, 20);
    }

    @Test
    void addRowAddsBToEveryRowAndItsGradientSumsTheColumns() {
        Tensor x = Tensor.variable(X);
        Tensor b = Tensor.variable(new double[][] {{10, 20, 30}});
        Tensor y = Ops.addRow(x, b);
        assertClose(new double[][] {{11, 22, 33}, {14, 25, 36}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertClose(new double[][] {{1, 2, 3}, {4, 5, 6}}, x.grad());
        assertClose(new double[][] {{5, 7, 9}}, b.grad());
    }

    @Test
    void sumRowsGivesOneSumPerRowAndSpreadsDyAlongEachRow() {
        Tensor x = Tensor.variable(X);
        Tensor y = Ops.sumRows(x);
        assertClose(new double[][] {{6}, {15}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1}, {2}}));
        assertClose(new double[][] {{1, 1, 1}, {2, 2, 2}}, x.grad());
    }

    @Test
    void sumColsGivesOneSumPerColumnAndSpreadsDyDownEachColumn() {
        Tensor x = Tensor.variable(X);
        Tensor y = Ops.sumCols(x);
        assertClose(new double[][] {{5, 7, 9}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{1, 2, 3}}));
        assertClose(new double[][] {{1, 2, 3}, {1, 2, 3}}, x.grad());
    }

    @Test
    void meanAveragesAllAndSharesDyEqually() {
        Tensor x = Tensor.variable(X);
        Tensor y = Ops.mean(x);
        assertEquals(3.5, y.item(), 1e-15);
        y.backward(new DMatrixRMaj(new double[][] {{6}}));
        assertClose(new double[][] {{1, 1, 1}, {1, 1, 1}}, x.grad());
    }

    @Test
    void meanRowsAveragesEachRow() {
        Tensor x = Tensor.variable(X);
        Tensor y = Ops.meanRows(x);
        assertClose(new double[][] {{2}, {5}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{3}, {6}}));
        assertClose(new double[][] {{1, 1, 1}, {2, 2, 2}}, x.grad());
    }

    @Test
    void meanColsAveragesEachColumn() {
        Tensor x = Tensor.variable(X);
        Tensor y = Ops.meanCols(x);
        assertClose(new double[][] {{2.5, 3.5, 4.5}}, y.value());
        y.backward(new DMatrixRMaj(new double[][] {{2, 4, 6}}));
        assertClose(new double[][] {{1, 2, 3}, {1, 2, 3}}, x.grad());
    }

    @Test
    void addRowNamesTheShapeBMustHave() {
        Tensor x = Tensor.variable(X);
        assertEquals("add_row: b is (2x3) but must be (1x3), one row as wide"
                + " as X (2x3)", assertThrows(IllegalArgumentException.class,
                () -> Ops.addRow(x, Tensor.variable(X))).getMessage());
        assertEquals("add_row: b is (1x2) but must be (1x3), one row as wide"
                + " as X (2x3)", assertThrows(IllegalArgumentException.class,
                () -> Ops.addRow(x, Tensor.variable(new DMatrixRMaj(1, 2))))
                .getMessage());
    }

    @Test
    void meansOfNothingAreErrors() {
        assertEquals("mean: X (0x3) is empty; mean needs at least one"
                + " element", assertThrows(IllegalArgumentException.class,
                () -> Ops.mean(Tensor.variable(new DMatrixRMaj(0, 3))))
                .getMessage());
        assertEquals("mean_rows: X (2x0) has no columns; a row mean needs at"
                + " least one", assertThrows(IllegalArgumentException.class,
                () -> Ops.meanRows(Tensor.variable(new DMatrixRMaj(2, 0))))
                .getMessage());
        assertEquals("mean_cols: X (0x2) has no rows; a column mean needs at"
                + " least one", assertThrows(IllegalArgumentException.class,
                () -> Ops.meanCols(Tensor.variable(new DMatrixRMaj(0, 2))))
                .getMessage());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void sumRowsIsXTimesOnesAndSumColsIsOnesTransposedTimesX(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        Tensor x = Tensor.constant(RandomCases.values(r, rows, cols));
        String at = "seed " + seed;
        Tensor onesColumn = Tensor.constant(Ones.column(cols));  // (C, 1)
        Tensor onesRow = Tensor.constant(Ones.row(rows));        // (1, R)
        assertClose(Ops.matmul(x, onesColumn).value(),
                Ops.sumRows(x).value(), 1e-14, at + ", sum_rows");
        assertClose(Ops.matmul(onesRow, x).value(),
                Ops.sumCols(x).value(), 1e-14, at + ", sum_cols");
        // both ways round add up to the sum of everything
        assertEquals(Ops.sum(x).item(), Ops.sum(Ops.sumRows(x)).item(),
                1e-14, at);
        assertEquals(Ops.sum(x).item(), Ops.sum(Ops.sumCols(x)).item(),
                1e-14, at);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void meansAreSumsDividedByTheCount(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        DMatrixRMaj values = RandomCases.values(r, rows, cols);
        Tensor x = Tensor.constant(values);
        String at = "seed " + seed;
        assertEquals(Ops.sum(x).item() / (rows * cols), Ops.mean(x).item(),
                1e-15, at);
        assertClose(Ops.scale(Ops.sumRows(x), 1.0 / cols).value(),
                Ops.meanRows(x).value(), 1e-15, at + ", mean_rows");
        assertClose(Ops.scale(Ops.sumCols(x), 1.0 / rows).value(),
                Ops.meanCols(x).value(), 1e-15, at + ", mean_cols");
        DMatrixRMaj dY = RandomCases.values(r, rows, 1);
        assertClose(gradients(t -> Ops.scale(Ops.sumRows(t.get(0)),
                1.0 / cols), dY, values).get(0),
                gradients(t -> Ops.meanRows(t.get(0)), dY, values).get(0),
                1e-15, at + ", mean_rows dX");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void addRowIsXPlusOnesTimesBAndItsGradientsMatch(long seed) {
        Random r = new Random(seed);
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r);
        DMatrixRMaj x = RandomCases.values(r, rows, cols);
        DMatrixRMaj b = RandomCases.values(r, 1, cols);
        DMatrixRMaj dY = RandomCases.values(r, rows, cols);
        Tensor ones = Tensor.constant(Ones.column(rows));  // (R, 1)
        String at = "seed " + seed;
        List<DMatrixRMaj> composed = gradients(t -> Ops.add(t.get(0),
                Ops.matmul(ones, t.get(1))), dY, x, b);
        List<DMatrixRMaj> direct = gradients(
                t -> Ops.addRow(t.get(0), t.get(1)), dY, x, b);
        assertClose(Ops.add(Tensor.constant(x), Ops.matmul(ones,
                Tensor.constant(b))).value(), Ops.addRow(Tensor.constant(x),
                Tensor.constant(b)).value(), 1e-15, at);
        assertClose(composed.get(0), direct.get(0), 1e-14, at + ", dX");
        assertClose(composed.get(1), direct.get(1), 1e-14, at + ", db");
    }
}
