package org.scratchformer.exercises.ch05;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.uniform;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.tensor.UnaryOp;

/**
 * Judges {@link StableLogSoftmax}: known values at scores of ±1000,
 * properties of log-probabilities, and GradCheck on its backward.
 */
@ExtendWith(CaseNames.class)
class StableLogSoftmaxTest {

    /** Log-softmax with the learner's forward and backward. */
    static final class LearnersLogSoftmax extends UnaryOp {
        @Override
        public String name() {
            return "log_softmax (exercise)";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            return StableLogSoftmax.forward(x);
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return StableLogSoftmax.backward(y, dY);
        }
    }

    static final LearnersLogSoftmax LOG_SOFTMAX = new LearnersLogSoftmax();

    @Test
    void scoresOfPlusMinusAThousandGiveKnownFiniteValues() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {1000, 1000, 1000},     // three equal scores: each ln(1/3)
            {-1000, 0, -1000},      // one wins outright
            {1000, 0, -1000}});     // 1000 apart: e^-1000 is 0 in double
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {
            {-Math.log(3), -Math.log(3), -Math.log(3)},
            {-1000, 0, -1000},
            {0, -1000, -2000}});
        DMatrixRMaj y = StableLogSoftmax.forward(x);
        for (int k = 0; k < y.getNumElements(); k++) {
            assertTrue(Double.isFinite(y.get(k)), "Y(" + k / y.numCols + ", "
                    + k % y.numCols + ") = " + y.get(k) + " for X = "
                    + x.get(k) + "; subtract the row maximum first");
        }
        assertArrayEquals(elements(expected), elements(y), 1e-12);
    }

    @Test
    void eachRowIsADistribution() {
        // e^Y of each row sums to 1, and every log-probability is ≤ 0
        Random random = new Random(3);
        DMatrixRMaj y = StableLogSoftmax.forward(uniform(random, 4, 6, -5,
                5));
        for (int i = 0; i < y.numRows; i++) {
            double total = 0;
            for (int j = 0; j < y.numCols; j++) {
                assertTrue(y.get(i, j) <= 0, "Y(" + i + ", " + j + ") = "
                        + y.get(i, j) + " is a log-probability above 0");
                total += Math.exp(y.get(i, j));
            }
            assertEquals(1, total, 1e-12, "Σ e^Y over row " + i);
        }
    }

    @Test
    void addingAThousandToARowChangesNothing() {
        Random random = new Random(5);
        DMatrixRMaj x = uniform(random, 3, 4, -2, 2);
        DMatrixRMaj shifted = x.copy();
        for (int j = 0; j < x.numCols; j++) {
            shifted.add(1, j, 1000);
        }
        assertArrayEquals(elements(StableLogSoftmax.forward(x)),
                elements(StableLogSoftmax.forward(shifted)), 1e-10);
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(50505, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void backwardAgreesWithCentralDifferences(long seed) {
        Random random = new Random(seed);
        Tensor x = Tensor.variable(uniform(random, size(random),
                size(random), -2, 2));
        GradCheck.of(in -> LOG_SOFTMAX.apply(in.get(0))).seed(seed).check(x);
    }

    @Test
    void backwardAgreesAtScoresNearPlusMinusAThousand() {
        Random random = new Random(17);
        DMatrixRMaj x = uniform(random, 3, 4, -1, 1);
        for (int k = 0; k < x.getNumElements(); k++) {
            x.add(k / x.numCols, k % x.numCols, k % 2 == 0 ? 1000 : -1000);
        }
        // GradCheck leaves out outputs that are not finite: require them
        DMatrixRMaj y = StableLogSoftmax.forward(x);
        for (int k = 0; k < y.getNumElements(); k++) {
            assertTrue(Double.isFinite(y.get(k)), "Y(" + k / y.numCols + ", "
                    + k % y.numCols + ") = " + y.get(k) + " for X = "
                    + x.get(k));
        }
        GradCheckReport report = GradCheck.of(in -> LOG_SOFTMAX.apply(
                in.get(0))).seed(17).check(Tensor.variable(x));
        assertEquals(x.getNumElements(), report.elementsChecked(),
                "every element of X compared");
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
