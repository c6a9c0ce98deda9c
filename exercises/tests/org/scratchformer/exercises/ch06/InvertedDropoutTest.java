package org.scratchformer.exercises.ch06;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;

@ExtendWith(CaseNames.class)
class InvertedDropoutTest {

    static Stream<Long> seeds() {
        return RandomCases.seeds(64, 10);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void holdsOnlyZeroAndTheKeepValue(long seed) {
        DMatrixRMaj m = InvertedDropout.mask(10, 20, 0.2, new Random(seed));
        assertEquals(10, m.numRows, "rows");
        assertEquals(20, m.numCols, "columns");
        for (int k = 0; k < m.getNumElements(); k++) {
            assertTrue(m.get(k) == 0 || m.get(k) == 1 / 0.8, "seed=" + seed
                    + ": element " + k + " is " + m.get(k));
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void dropsAboutPAndHasMeanOne(long seed) {
        DMatrixRMaj m = InvertedDropout.mask(100, 100, 0.4,
                new Random(seed));
        int dropped = 0;
        for (int k = 0; k < m.getNumElements(); k++) {
            dropped += m.get(k) == 0 ? 1 : 0;
        }
        // 10,000 draws: the share's standard error is 0.005
        assertEquals(0.4, dropped / 10_000.0, 0.025, "seed=" + seed);
        assertEquals(1, CommonOps_DDRM.elementSum(m) / 10_000, 0.05,
                "seed=" + seed + ": E[M] = 1");
    }

    @Test
    void pZeroKeepsEverythingAsIs() {
        DMatrixRMaj m = InvertedDropout.mask(3, 4, 0, new Random(1));
        for (int k = 0; k < m.getNumElements(); k++) {
            assertEquals(1, m.get(k), 0, "element " + k);
        }
    }

    @Test
    void theSameSeedGivesTheSameMask() {
        assertTrue(MatrixFeatures_DDRM.isIdentical(
                InvertedDropout.mask(5, 5, 0.5, new Random(7)),
                InvertedDropout.mask(5, 5, 0.5, new Random(7)), 0));
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(doubles = {1, -0.5, 2})
    void pOutsideZeroToOneIsRefused(double p) {
        assertThrows(IllegalArgumentException.class,
                () -> InvertedDropout.mask(2, 2, p, new Random(1)));
    }
}
