package org.scratchformer.exercises.ch10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;

/** Judges {@link SinusoidTable} with known values and the rotation. */
@ExtendWith(CaseNames.class)
class SinusoidTableTest {

    @Test
    void knownValuesForWidthFour() {
        // C 4: ω₀ = 1, ω₁ = 10000^(−2/4) = 1/100
        DMatrixRMaj pe = SinusoidTable.table(3, 4);
        assertEquals(3, pe.numRows, "one row per position");
        assertEquals(4, pe.numCols, "one column per feature");
        assertArrayEquals(new double[] {
            0, 1, 0, 1,
            Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01),
            Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)},
                elements(pe), 1e-15, "rows pos 0, 1, 2: sin and cos of"
                        + " pos·1 and pos·0.01");
    }

    @Test
    void theSlowestPairOfAWideTable() {
        // C 512, pair 255: ω = 10000^(−510/512)
        DMatrixRMaj pe = SinusoidTable.table(101, 512);
        double omega = Math.pow(10000, -510.0 / 512);
        assertEquals(Math.sin(100 * omega), pe.get(100, 510), 1e-15,
                "PE(100, 510) = sin(100·ω₂₅₅)");
        assertEquals(Math.cos(100 * omega), pe.get(100, 511), 1e-15,
                "PE(100, 511) = cos(100·ω₂₅₅)");
    }

    static Stream<Long> seeds() {
        return RandomCases.seeds(1010, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void movingKPositionsRotatesEveryPairByKOmega(long seed) {
        // (sin(a + b), cos(a + b)) = R(b)·(sin a, cos a), with b = k·ωᵢ:
        // the rotation depends on k and i, never on pos
        Random random = new Random(seed);
        int width = 2 * (1 + random.nextInt(8));
        DMatrixRMaj pe = SinusoidTable.table(64, width);
        int pos = random.nextInt(32);
        int k = random.nextInt(32);
        for (int i = 0; i < width / 2; i++) {
            double b = k * Math.pow(10000, -2.0 * i / width);
            double sin = pe.get(pos, 2 * i);
            double cos = pe.get(pos, 2 * i + 1);
            assertEquals(sin * Math.cos(b) + cos * Math.sin(b),
                    pe.get(pos + k, 2 * i), 1e-12, "C " + width + ", pair "
                            + i + ": sine column from " + pos + " to "
                            + (pos + k));
            assertEquals(cos * Math.cos(b) - sin * Math.sin(b),
                    pe.get(pos + k, 2 * i + 1), 1e-12, "C " + width
                            + ", pair " + i + ": cosine column from " + pos
                            + " to " + (pos + k));
        }
    }

    @Test
    void anOddOrTooSmallWidthIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SinusoidTable.table(3, 5), "C 5 is odd");
        assertThrows(IllegalArgumentException.class,
                () -> SinusoidTable.table(3, 0), "C 0");
        assertThrows(IllegalArgumentException.class,
                () -> SinusoidTable.table(0, 4), "T 0");
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
