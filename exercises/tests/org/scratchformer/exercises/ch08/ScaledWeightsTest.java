package org.scratchformer.exercises.ch08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.exercises.ShapeErrors;
import org.scratchformer.gradcheck.RandomCases;

/** Judges {@link ScaledWeights} with known values and a property. */
@ExtendWith(CaseNames.class)
class ScaledWeightsTest {

    @ParameterizedTest(name = "d_k={0}")
    @ValueSource(ints = {4, 9, 16, 64})
    void theScaleIsOneOverRootDk(int dk) {
        // q = (√d_k·ln 3, 0, …), keys e₀ and 0: the scaled scores are
        // ln 3 and 0 for every width, so the weights are 3/4 and 1/4
        DMatrixRMaj q = new DMatrixRMaj(1, dk);
        q.set(0, 0, Math.sqrt(dk) * Math.log(3));
        DMatrixRMaj k = new DMatrixRMaj(2, dk);
        k.set(0, 0, 1);
        DMatrixRMaj p = weightsOf(q, k);
        assertEquals(1, p.numRows, "P has one row per query");
        assertEquals(2, p.numCols, "P has one column per key");
        assertArrayEquals(new double[] {0.75, 0.25},
                new double[] {p.get(0, 0), p.get(0, 1)}, 1e-12,
                "scores ln 3 and 0 after dividing by √d_k = "
                        + Math.sqrt(dk));
    }

    @Test
    void knownValuesForTwoQueries() {
        // d_k 4, so √d_k = 2: scores (2/2, 0) and (0, −4/2)
        DMatrixRMaj q = new DMatrixRMaj(new double[][] {
            {2, 0, 0, 0}, {0, 0, -4, 0}});
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {
            {1, 0, 0, 0}, {0, 0, 1, 0}});
        DMatrixRMaj p = weightsOf(q, k);
        double e = Math.E;
        double e2 = Math.exp(2);
        assertArrayEquals(new double[] {e / (e + 1), 1 / (e + 1),
            e2 / (e2 + 1), 1 / (e2 + 1)}, p.data, 1e-12,
                "softmax of (1, 0) and of (0, −2)");
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(8022, 10);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void unitVarianceInputsDoNotSaturate(long seed) {
        // entries of variance 1 make q·k of variance d_k; divided by √d_k
        // the scores have variance 1, and with 10 keys the largest weight
        // of a row averages about 0.3, far from a one-hot 1
        Random random = new Random(seed);
        int dk = 64;
        DMatrixRMaj q = gaussian(random, 8, dk);
        DMatrixRMaj k = gaussian(random, 10, dk);
        DMatrixRMaj p = weightsOf(q, k);
        double meanMax = 0;
        for (int i = 0; i < p.numRows; i++) {
            double max = 0;
            for (int j = 0; j < p.numCols; j++) {
                max = Math.max(max, p.get(i, j));
            }
            meanMax += max / p.numRows;
        }
        if (!(meanMax < 0.6)) {
            fail(String.format(Locale.ROOT, "checked: Q (8x64) and K"
                    + " (10x64) of standard normal entries; the largest"
                    + " weight of each row, averaged over the 8 rows, must"
                    + " be below 0.6 (about 0.3 when the scores are divided"
                    + " by √d_k = 8, which gives them variance 1); it is"
                    + " %.3f, a softmax near one-hot: the scores are too"
                    + " large", meanMax));
        }
    }

    /** Your weights, a shape error in them named with the shapes. */
    static DMatrixRMaj weightsOf(DMatrixRMaj q, DMatrixRMaj k) {
        return ShapeErrors.call("ScaledWeights.weights(Q "
                + ShapeErrors.shape(q) + ", K " + ShapeErrors.shape(k) + ")",
                "P (" + q.numRows + "x" + k.numRows + ")",
                () -> ScaledWeights.weights(q, k));
    }

    static DMatrixRMaj gaussian(Random random, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.set(i, random.nextGaussian());
        }
        return m;
    }
}
