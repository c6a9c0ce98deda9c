package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.ops.MatrixAssertions.assertClose;
import static org.scratchformer.ops.MatrixAssertions.assertRejected;
import static org.scratchformer.ops.MatrixAssertions.assertIdentical;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** softmax, log_softmax and their use with add_mask. */
class SoftmaxOpsTest {
    static final double NEG_INF = Double.NEGATIVE_INFINITY;
    static final double LN2 = Math.log(2);
    static final double LN3 = Math.log(3);
    static final double LN5 = Math.log(5);

    static Stream<Long> seeds() {
        return RandomCases.seeds(5_0002, 25);
    }

    static DMatrixRMaj scores(Random random, double lo, double hi) {
        return RandomCases.uniform(random, RandomCases.size(random),
                RandomCases.size(random), lo, hi);
    }

    @Test
    void softmaxOfLogsIsTheNormalizedNumbers() {
        Tensor x = Tensor.variable(new double[][] {{0, LN2, LN5},
                {0, LN3, 0}});
        // e^X = [1, 2, 5] and [1, 3, 1]: divide by 8 and by 5
        assertClose(new double[][] {{1 / 8.0, 2 / 8.0, 5 / 8.0},
                {1 / 5.0, 3 / 5.0, 1 / 5.0}}, Ops.softmax(x).value(), 1e-15);
    }

    @Test
    void softmaxBackwardByHand() {
        Tensor x = Tensor.variable(new double[][] {{0, LN3}});
        Ops.softmax(x).backward(new DMatrixRMaj(new double[][] {{1, 0}}));
        // Y = [1/4, 3/4];  rowSum(dY ⊙ Y) = 1/4;
        // dX = Y ⊙ (dY − 1/4) = [1/4 · 3/4, 3/4 · (−1/4)]
        assertClose(new double[][] {{3 / 16.0, -3 / 16.0}}, x.grad(),
                1e-15);
    }

    @Test
    void logSoftmaxOfLogsIsTheLogOfTheNormalizedNumbers() {
        Tensor x = Tensor.variable(new double[][] {{0, LN2, LN5}});
        assertClose(new double[][] {{-2.0794415416798357,
                -1.3862943611198906, -0.4700036292457356}},
                Ops.logSoftmax(x).value(), 1e-15);
    }

    @Test
    void logSoftmaxBackwardByHand() {
        Tensor x = Tensor.variable(new double[][] {{0, LN3}});
        Ops.logSoftmax(x).backward(new DMatrixRMaj(new double[][] {{2, 1}}));
        // softmax(X) = [1/4, 3/4];  rowSum(dY) = 3;
        // dX = dY − softmax(X) · 3 = [2 − 3/4, 1 − 9/4]
        assertClose(new double[][] {{1.25, -1.25}}, x.grad(), 1e-15);
    }

    @Test
    void bothStayFiniteForScoresOfPlusMinusAThousand() {
        Tensor x = Tensor.variable(new double[][] {{1000, -1000, 0},
                {-1000, -1000, -999}});
        // row 1: logsumexp = −999 + ln(1 + 2/e)
        double lse = Math.log(1 + 2 / Math.E);
        assertClose(new double[][] {{0, -2000, -1000},
                {-1 - lse, -1 - lse, -lse}}, Ops.logSoftmax(x).value(),
                1e-12);
        double lastRow = 1 / (1 + 2 / Math.E);
        double first = Math.exp(-1) * lastRow;
        assertClose(new double[][] {{1, 0, 0}, {first, first, lastRow}},
                Ops.softmax(x).value(), 1e-15);
    }

    @Test
    void aFullyMaskedRowIsAnError() {
        Tensor x = Tensor.variable(new double[][] {{0, 1}, {NEG_INF,
                NEG_INF}});
        assertRejected(() -> Ops.softmax(x), "softmax: row 1", "(2x2)",
                "−∞ everywhere", "at least one finite score");
        assertRejected(() -> Ops.logSoftmax(x), "log_softmax: row 1",
                "(2x2)");
    }

    @Test
    void nanAndPlusInfinityAreErrors() {
        Tensor nan = Tensor.constant(new double[][] {{0, Double.NaN}});
        assertRejected(() -> Ops.softmax(nan), "softmax", "(1x2)", "NaN",
                "(0, 1)", "must be finite, or −∞");
        Tensor inf = Tensor.constant(new double[][] {{1}, {
                Double.POSITIVE_INFINITY}});
        assertRejected(() -> Ops.logSoftmax(inf), "log_softmax", "(2x1)",
                "Infinity at (1, 0)");
    }

    @Test
    void aMaskedPositionGetsWeightExactlyZero() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor mask = Tensor.constant(new double[][] {{0, NEG_INF, 0}});
        Tensor weights = Ops.softmax(Ops.addMask(x, mask));
        weights.backward(new DMatrixRMaj(new double[][] {{1, 5, 2}}));
        DMatrixRMaj kept = Ops.softmax(Tensor.constant(new double[][] {{1,
                3}})).value();
        assertClose(new double[][] {{kept.get(0), 0, kept.get(1)}},
                weights.value(), 0);
        assertEquals(0.0, x.grad().get(0, 1), 0);  // no gradient either
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void rowsSumToOne(long seed) {
        DMatrixRMaj y = Ops.softmax(Tensor.constant(scores(new Random(seed),
                -10, 10))).value();
        for (int i = 0; i < y.numRows; i++) {
            double total = 0;
            for (int j = 0; j < y.numCols; j++) {
                assertTrue(y.get(i, j) >= 0 && y.get(i, j) <= 1);
                total += y.get(i, j);
            }
            assertEquals(1.0, total, 1e-14, "row " + i);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void addingAConstantToARowChangesNothing(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = scores(random, -3, 3);
        DMatrixRMaj shifted = x.copy();
        for (int i = 0; i < x.numRows; i++) {
            double c = -50 + 100 * random.nextDouble();
            for (int j = 0; j < x.numCols; j++) {
                shifted.set(i, j, x.get(i, j) + c);
            }
        }
        assertClose(Ops.softmax(Tensor.constant(x)).value(),
                Ops.softmax(Tensor.constant(shifted)).value(), 1e-14,
                "softmax");
        assertClose(Ops.logSoftmax(Tensor.constant(x)).value(),
                Ops.logSoftmax(Tensor.constant(shifted)).value(), 1e-12,
                "log_softmax");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void logSoftmaxIsTheLogOfSoftmax(long seed) {
        Tensor x = Tensor.constant(scores(new Random(seed), -5, 5));
        DMatrixRMaj softmax = Ops.softmax(x).value();
        DMatrixRMaj logSoftmax = Ops.logSoftmax(x).value();
        for (int k = 0; k < softmax.getNumElements(); k++) {
            assertEquals(Math.log(softmax.get(k)), logSoftmax.get(k), 1e-13);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void changingAMaskedScoreChangesNoOutput(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = scores(random, -3, 3);
        DMatrixRMaj mask = new DMatrixRMaj(x.numRows, x.numCols);
        for (int k = 0; k < x.getNumElements(); k++) {
            mask.set(k, random.nextDouble() < 0.4 ? NEG_INF : 0);
        }
        for (int i = 0; i < x.numRows; i++) {
            mask.set(i, random.nextInt(x.numCols), 0);  // one kept per row
        }
        DMatrixRMaj changed = x.copy();
        for (int k = 0; k < x.getNumElements(); k++) {
            if (mask.get(k) == NEG_INF) {
                changed.set(k, -100 + 200 * random.nextDouble());
            }
        }
        DMatrixRMaj dY = RandomCases.values(random, x.numRows, x.numCols);
        Tensor before = Tensor.variable(x);
        Tensor after = Tensor.variable(changed);
        Tensor weightsBefore = Ops.softmax(Ops.addMask(before,
                Tensor.constant(mask)));
        Tensor weightsAfter = Ops.softmax(Ops.addMask(after,
                Tensor.constant(mask)));
        weightsBefore.backward(dY);
        weightsAfter.backward(dY);
        assertIdentical(weightsBefore.value(), weightsAfter.value());
        assertIdentical(before.grad(), after.grad());
        for (int k = 0; k < mask.getNumElements(); k++) {
            if (mask.get(k) == NEG_INF) {
                assertEquals(0.0, weightsAfter.value().get(k), 0);
                assertEquals(0.0, after.grad().get(k), 0);
            }
        }
    }
}
