package org.scratchformer.exercises.ch09;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;

/**
 * Judges {@link HeadWeights}. Every case has at least two heads: with one,
 * the bug is invisible.
 */
@ExtendWith(CaseNames.class)
class HeadWeightsTest {

    @Test
    void knownWeightsOfTwoHeadsOfWidthOne() {
        // H 2, D 1, so √D = 1: head 0 scores (ln 3, 0), head 1 (0, ln 3)
        double ln3 = Math.log(3);
        DMatrixRMaj q = new DMatrixRMaj(new double[][] {{ln3, ln3}});
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        DMatrixRMaj p = HeadWeights.weights(q, k, 1, 2);
        assertArrayEquals(new double[] {0.75, 0.25, 0.25, 0.75},
                Arrays.copyOf(p.data, p.getNumElements()), 1e-12,
                "head 0 softmax(ln 3, 0), head 1 softmax(0, ln 3): the"
                        + " scores of a head of width 1 are not scaled");
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(9094, 20).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r, 2) - 1,
                    RandomCases.size(r), RandomCases.size(r, 2),
                    RandomCases.size(r, 2), RandomCases.size(r));
        });
    }

    @ParameterizedTest(name = "seed={0} B={1} T={2} S={3} H={4} D={5}")
    @MethodSource("cases")
    void eachHeadIsOneHeadAttentionOnItsColumns(long seed, int batch,
            int t, int s, int heads, int d) {
        // head h of an H-head model must equal a 1-head model given only
        // head h's columns of Q and K: a head cannot know how many others
        // sit beside it
        Random random = new Random(seed);
        DMatrixRMaj q = RandomCases.uniform(random, batch * t, heads * d,
                -2, 2);
        DMatrixRMaj k = RandomCases.uniform(random, batch * s, heads * d,
                -2, 2);
        DMatrixRMaj all = HeadWeights.weights(q, k, batch, heads);
        for (int h = 0; h < heads; h++) {
            DMatrixRMaj qh = CommonOps_DDRM.extract(q, 0, q.numRows, h * d,
                    (h + 1) * d);
            DMatrixRMaj kh = CommonOps_DDRM.extract(k, 0, k.numRows, h * d,
                    (h + 1) * d);
            DMatrixRMaj alone = HeadWeights.weights(qh, kh, batch, 1);
            for (int r = 0; r < q.numRows; r++) {
                for (int j = 0; j < s; j++) {
                    assertEquals(alone.get(r, j), all.get(r, h * s + j),
                            1e-12, "head " + h + " of " + heads + ", row "
                                    + r + ", key " + j + ": the same as"
                                    + " one head of width D = " + d);
                }
            }
        }
    }
}
