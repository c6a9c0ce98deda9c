package org.scratchformer.exercises.ch09;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;

/**
 * Judges {@link SplitHeads}. Every case has at least two positions and two
 * heads: with one of either, the bug is invisible.
 */
@ExtendWith(CaseNames.class)
class SplitHeadsTest {

    @Test
    void knownHeadsOfOneSequence() {
        // B 1, T 2, H 2, D 2: head 0 is the left half of X, head 1 the right
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {1, 2, 3, 4},
            {5, 6, 7, 8}});
        assertArrayEquals(new double[] {1, 2, 5, 6},
                elements(SplitHeads.head(x, 1, 2, 0, 0)), 0,
                "head 0 = columns 0-1 of both rows");
        assertArrayEquals(new double[] {3, 4, 7, 8},
                elements(SplitHeads.head(x, 1, 2, 0, 1)), 0,
                "head 1 = columns 2-3 of both rows");
    }

    @Test
    void theSecondSequenceStartsAtRowT() {
        // B 2, T 2, H 3, D 1: sequence 1 is rows 2-3, head 2 column 2
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {0, 1, 2},
            {3, 4, 5},
            {6, 7, 8},
            {9, 10, 11}});
        assertArrayEquals(new double[] {8, 11},
                elements(SplitHeads.head(x, 2, 3, 1, 2)), 0,
                "head 2 of sequence 1 = X[2, 2] and X[3, 2]");
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(909, 20).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r),
                    RandomCases.size(r, 2), RandomCases.size(r, 2),
                    RandomCases.size(r));
        });
    }

    @ParameterizedTest(name = "seed={0} B={1} T={2} H={3} D={4}")
    @MethodSource("cases")
    void everyHeadIsItsBlockOfX(long seed, int batch, int t, int heads,
            int d) {
        DMatrixRMaj x = RandomCases.values(new Random(seed), batch * t,
                heads * d);
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                DMatrixRMaj head = SplitHeads.head(x, batch, heads, b, h);
                assertEquals(t, head.numRows, "a head has T rows");
                assertEquals(d, head.numCols, "a head has D columns");
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < d; j++) {
                        assertEquals(x.get(b * t + i, h * d + j),
                                head.get(i, j), 0, "sequence " + b
                                        + ", head " + h + ": element ("
                                        + i + ", " + j + ") must be X["
                                        + (b * t + i) + ", "
                                        + (h * d + j) + "]");
                    }
                }
            }
        }
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
