package org.scratchformer.exercises.ch06;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;

@ExtendWith(CaseNames.class)
class XavierUniformTest {

    @Test
    void theBoundForKnownFans() {
        assertEquals(1, XavierUniform.bound(2, 4), 1e-15);
        assertEquals(1, XavierUniform.bound(3, 3), 1e-15);
        assertEquals(Math.sqrt(6.0 / 1024), XavierUniform.bound(512, 512),
                1e-15);
    }

    @Test
    void theBoundIsSymmetricInTheFans() {
        assertEquals(XavierUniform.bound(128, 512),
                XavierUniform.bound(512, 128), 0);
    }

    @Test
    void theDrawHasTheWeightsShape() {
        DMatrixRMaj w = XavierUniform.draw(3, 5, new Random(1));
        assertEquals(3, w.numRows, "rows = fanIn");
        assertEquals(5, w.numCols, "columns = fanOut");
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(63, 5);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void drawsStayWithinTheBoundAndComeCloseToIt(long seed) {
        DMatrixRMaj w = XavierUniform.draw(100, 300, new Random(seed));
        double a = Math.sqrt(6.0 / 400);
        double max = CommonOps_DDRM.elementMaxAbs(w);
        assertTrue(max <= a, "seed=" + seed + ": " + max + " > " + a);
        assertTrue(max > 0.99 * a, "seed=" + seed + ": the largest draw "
                + max + " is far below the bound " + a);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void theVarianceIsTwoOverFanInPlusFanOut(long seed) {
        DMatrixRMaj w = XavierUniform.draw(100, 300, new Random(seed));
        int n = w.getNumElements();
        double mean = CommonOps_DDRM.elementSum(w) / n;
        double square = 0;
        for (int k = 0; k < n; k++) {
            square += w.get(k) * w.get(k) / n;
        }
        double expected = 2.0 / 400;
        assertEquals(0, mean, 5 * Math.sqrt(expected / n), "seed=" + seed
                + ": mean");
        // 30,000 draws: within 3% is almost 6 standard errors
        assertEquals(expected, square - mean * mean, 0.03 * expected,
                "seed=" + seed + ": variance");
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        assertTrue(MatrixFeatures_DDRM.isIdentical(
                XavierUniform.draw(4, 6, new Random(9)),
                XavierUniform.draw(4, 6, new Random(9)), 0));
        assertFalse(MatrixFeatures_DDRM.isIdentical(
                XavierUniform.draw(4, 6, new Random(9)),
                XavierUniform.draw(4, 6, new Random(10)), 0));
    }
}
