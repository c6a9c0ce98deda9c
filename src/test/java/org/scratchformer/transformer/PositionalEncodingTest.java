package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * The sinusoidal table: known values, each column pair's frequency, the
 * rotation that moves a position by k, and the batch with positions
 * restarting in every sequence.
 */
class PositionalEncodingTest {
    /** sin and cos of angles up to about 1000 are exact to a few 1e-14. */
    static final double TOL = 1e-12;

    static Stream<Long> seeds() {
        return RandomCases.seeds(10_001, 20);
    }

    static String refused(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void positionZeroIsSineZeroAndCosineOne() {
        DMatrixRMaj pe = new PositionalEncoding(6).table(3);
        for (int col = 0; col < 6; col++) {
            assertEquals(col % 2 == 0 ? 0.0 : 1.0, pe.get(0, col), 0,
                    "PE(0, " + col + ")");
        }
    }

    @Test
    void knownValuesForWidthFour() {
        // ω₀ = 1, ω₁ = 10000^(−2/4) = 1/100
        DMatrixRMaj pe = new PositionalEncoding(4).table(3);
        double[][] expected = {
            {0, 1, 0, 1},
            {Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)},
            {Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)}};
        for (int pos = 0; pos < 3; pos++) {
            for (int col = 0; col < 4; col++) {
                assertEquals(expected[pos][col], pe.get(pos, col), 1e-15,
                        "PE(" + pos + ", " + col + ")");
            }
        }
        assertEquals(0.8414709848078965, pe.get(1, 0), 1e-16);  // sin 1
        assertEquals(0.019998666693333080, pe.get(2, 2), 1e-17);  // sin 0.02
    }

    @Test
    void agreesWithThirtyDigitValuesAtWidth128() {
        // mpmath at 30 digits, rounded once: columns 0, 1, 2, 3, 64, 65,
        // 126, 127 of positions 7, 50 and 999 for C = 128
        int[] cols = {0, 1, 2, 3, 64, 65, 126, 127};
        int[] positions = {7, 50, 999};
        double[][] expected = {
            {0.6569865987187891, 0.7539022543433046, -0.21962985334123833,
                0.9755832755440748, 0.06994284733753277, 0.9975510002532796,
                0.0008083473012501571, 0.9999996732872669},
            {-0.26237485370392877, 0.9649660284921133, -0.6319610395935513,
                0.7750001577005246, 0.479425538604203, 0.8775825618903728,
                0.005773877841698142, 0.9999833310284073},
            {-0.026460752737064126, 0.9996498529808264, -0.9169545121074506,
                -0.39899175771660655, -0.5356033346142911,
                -0.8444696962887726, 0.1151070052622385,
                0.9933530980167923}};
        DMatrixRMaj pe = new PositionalEncoding(128).table(1000);
        for (int p = 0; p < positions.length; p++) {
            for (int c = 0; c < cols.length; c++) {
                assertEquals(expected[p][c], pe.get(positions[p], cols[c]),
                        TOL, "PE(" + positions[p] + ", " + cols[c] + ")");
            }
        }
    }

    @Test
    void eachPairTurnsAtItsOwnFrequency() {
        int width = 16;
        PositionalEncoding encoding = new PositionalEncoding(width);
        DMatrixRMaj pe = encoding.table(2);
        for (int i = 0; i < width / 2; i++) {
            // the angle of pair i at position 1 is ωᵢ itself (all < π)
            double angle = Math.atan2(pe.get(1, 2 * i), pe.get(1, 2 * i + 1));
            double omega = Math.pow(10000, -2.0 * i / width);
            assertEquals(omega, angle, 1e-15 * Math.max(1, omega),
                    "pair " + i);
            assertEquals(omega, encoding.frequency(i), 1e-15 * omega);
        }
        // a geometric progression from 1 down to 10000^(−(C−2)/C)
        assertEquals(1.0, encoding.frequency(0), 0);
        for (int i = 1; i < width / 2; i++) {
            assertEquals(Math.pow(10000, -2.0 / width),
                    encoding.frequency(i) / encoding.frequency(i - 1), 1e-15);
        }
    }

    @Test
    void everyPairLiesOnTheUnitCircle() {
        DMatrixRMaj pe = new PositionalEncoding(10).table(200);
        for (int pos = 0; pos < 200; pos++) {
            for (int i = 0; i < 5; i++) {
                double s = pe.get(pos, 2 * i);
                double c = pe.get(pos, 2 * i + 1);
                assertEquals(1.0, s * s + c * c, 1e-15);
            }
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void movingKPositionsOnIsOneRotationPerPair(long seed) {
        // (sin(a + b), cos(a + b)) = R(b)·(sin a, cos a) with
        // R(b) = [[cos b, sin b], [−sin b, cos b]], b = k·ωᵢ: k alone
        Random random = new Random(seed);
        int width = 2 * (1 + random.nextInt(32));
        int k = random.nextInt(100);
        PositionalEncoding encoding = new PositionalEncoding(width);
        DMatrixRMaj pe = encoding.table(300);
        for (int i = 0; i < width / 2; i++) {
            double b = k * encoding.frequency(i);
            for (int trial = 0; trial < 5; trial++) {
                int pos = random.nextInt(200);
                double s = pe.get(pos, 2 * i);
                double c = pe.get(pos, 2 * i + 1);
                String where = "C " + width + ", pair " + i + ", pos " + pos
                        + ", k " + k + " (seed " + seed + ")";
                assertEquals(Math.cos(b) * s + Math.sin(b) * c,
                        pe.get(pos + k, 2 * i), TOL, where);
                assertEquals(-Math.sin(b) * s + Math.cos(b) * c,
                        pe.get(pos + k, 2 * i + 1), TOL, where);
            }
        }
    }

    @Test
    void aLongerTableStartsWithTheShorterOne() {
        PositionalEncoding encoding = new PositionalEncoding(8);
        DMatrixRMaj shorter = encoding.table(5);
        DMatrixRMaj longer = encoding.table(50);
        for (int k = 0; k < shorter.getNumElements(); k++) {
            assertEquals(shorter.get(k), longer.get(k), 0);
        }
    }

    @Test
    void positionsRestartInEverySequenceOfTheBatch() {
        int b = 3;
        int t = 4;
        int c = 6;
        PositionalEncoding encoding = new PositionalEncoding(c);
        DMatrixRMaj x = RandomCases.values(new Random(1), b * t, c);
        Tensor y = encoding.addTo(Tensor.constant(x), t);
        DMatrixRMaj pe = encoding.table(t);
        assertEquals("(12x6)", y.shape());
        for (int seq = 0; seq < b; seq++) {
            for (int pos = 0; pos < t; pos++) {
                int row = seq * t + pos;
                for (int col = 0; col < c; col++) {
                    assertEquals(x.get(row, col) + pe.get(pos, col),
                            y.get(row, col), 0, "row " + row + ", column "
                            + col);
                }
            }
        }
    }

    @Test
    void theSameTokenAtTwoPositionsGetsTwoDifferentRows() {
        // attention alone cannot tell these rows apart; with PE it can
        DMatrixRMaj x = new DMatrixRMaj(2, 4);
        x.fill(0.5);
        Tensor y = new PositionalEncoding(4).addTo(Tensor.constant(x), 2);
        assertTrue(y.get(0, 0) != y.get(1, 0));
    }

    @Test
    void theGradientPassesToTheInputAndTheTableTakesNone() {
        PositionalEncoding encoding = new PositionalEncoding(4);
        Tensor x = Tensor.variable(RandomCases.values(new Random(2), 6, 4));
        Tensor y = encoding.addTo(x, 3);
        DMatrixRMaj dY = RandomCases.values(new Random(3), 6, 4);
        y.backward(dY);
        for (int k = 0; k < dY.getNumElements(); k++) {
            assertEquals(dY.get(k), x.grad().get(k), 0);  // dX = dY
        }
        Tensor table = y.inputs().get(1);
        assertTrue(!table.requiresGrad(), "the table collects a gradient");
        assertTrue(GradCheck.of(in -> encoding.addTo(in.get(0), 3)).seed(4)
                .check(Tensor.variable(RandomCases.values(new Random(5), 6,
                        4))).passed());
    }

    @Test
    void theInputIsNotModified() {
        DMatrixRMaj x = RandomCases.values(new Random(6), 4, 2);
        DMatrixRMaj copy = x.copy();
        new PositionalEncoding(2).addTo(Tensor.constant(x), 2);
        for (int k = 0; k < x.getNumElements(); k++) {
            assertEquals(copy.get(k), x.get(k), 0);
        }
    }

    // --- errors ---

    @Test
    void anOddOrTooSmallWidthIsRefused() {
        for (int width : List.of(5, 1, 0, -2)) {
            assertEquals("PositionalEncoding: the width (d_model) must be"
                    + " even and at least 2, so that every sine column has"
                    + " its cosine, got " + width,
                    refused(() -> new PositionalEncoding(width)));
        }
    }

    @Test
    void anInputOfAnotherWidthIsRefused() {
        Tensor x = Tensor.constant(new DMatrixRMaj(4, 6));
        assertEquals("PositionalEncoding: the input (4x6) has 6 columns,"
                + " the encoding's width (d_model) is 8",
                refused(() -> new PositionalEncoding(8).addTo(x, 2)));
    }

    @Test
    void rowsThatAreNotWholeSequencesAreRefused() {
        Tensor x = Tensor.constant(new DMatrixRMaj(10, 4));
        assertEquals("PositionalEncoding: the input (10x4) is not a batch"
                + " of whole sequences of length 4: expected B·4 rows, got"
                + " 10", refused(() -> new PositionalEncoding(4).addTo(x,
                        4)));
    }

    @Test
    void aLengthBelowOneIsRefused() {
        PositionalEncoding encoding = new PositionalEncoding(4);
        assertEquals("PositionalEncoding: the sequence length must be at"
                + " least 1, got 0", refused(() -> encoding.table(0)));
        assertEquals("PositionalEncoding: the sequence length must be at"
                + " least 1, got -3", refused(() -> encoding.addTo(
                        Tensor.constant(new DMatrixRMaj(3, 4)), -3)));
    }

    @Test
    void aNullInputAndAMissingPairAreRefused() {
        PositionalEncoding encoding = new PositionalEncoding(4);
        assertEquals("PositionalEncoding: the input is null",
                refused(() -> encoding.addTo(null, 2)));
        assertEquals("PositionalEncoding: column pair 2 does not exist;"
                + " width 4 has pairs 0 to 1",
                refused(() -> encoding.frequency(2)));
    }
}
