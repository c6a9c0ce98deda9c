package org.scratchformer.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.attention.AttentionAssertions.assertRejected;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The builders, their layout and their refusals. */
class AttentionMaskTest {

    @Test
    void paddingMasksTheKeysPastEachLengthForEveryQueryOfTheSequence() {
        AttentionMask mask = AttentionMask.padding(new int[] {2, 4}, 3, 4);
        for (int t = 0; t < 3; t++) {
            for (int s = 0; s < 4; s++) {
                assertEquals(s < 2, mask.keeps(0, t, s), "b0 t" + t + " s" + s);
                assertTrue(mask.keeps(1, t, s), "b1 t" + t + " s" + s);
            }
        }
        DMatrixRMaj m = mask.tensor().value();  // (B·T, S) = (6, 4)
        assertEquals(6, m.numRows);
        assertEquals(4, m.numCols);
        assertEquals(Double.NEGATIVE_INFINITY, m.get(2, 3));  // b0 t2 s3
        assertEquals(0, m.get(2, 1));
        assertEquals(0, m.get(5, 3));  // b1 t2 s3
    }

    @Test
    void causalKeepsTheKeysUpToTheQuery() {
        AttentionMask mask = AttentionMask.causal(2, 3);
        assertEquals("b0 t0  x..\nb0 t1  xx.\nb0 t2  xxx\n"
                + "b1 t0  x..\nb1 t1  xx.\nb1 t2  xxx\n", mask.toString());
    }

    @Test
    void andKeepsOnlyWhatBothKeep() {
        AttentionMask both = AttentionMask.causal(2, 3)
                .and(AttentionMask.padding(new int[] {3, 2}, 3, 3));
        assertEquals("b0 t0  x..\nb0 t1  xx.\nb0 t2  xxx\n"
                + "b1 t0  x..\nb1 t1  xx.\nb1 t2  xx.\n", both.toString());
        assertFalse(both.keepsAll());
        assertTrue(AttentionMask.none(2, 3, 4).keepsAll());
    }

    @Test
    void aQueryWithEveryKeyMaskedIsAnErrorNamingSequenceAndRow() {
        // the causal mask shifted by one (s < t): query 0 sees nothing
        assertRejected(() -> AttentionMask.where(2, 3, 3,
                (b, t, s) -> s < t), "query 0 of sequence 0",
                "every key masked");
        assertRejected(() -> AttentionMask.where(2, 3, 3,
                (b, t, s) -> b == 0 || t != 2), "query 2 of sequence 1");
        assertRejected(() -> AttentionMask.padding(new int[] {3, 0}, 3, 3),
                "sequence 1", "length 0", "1 to 3");
        assertRejected(() -> AttentionMask.padding(new int[] {4}, 2, 3),
                "sequence 0", "length 4", "1 to 3");
    }

    @Test
    void whereFollowsItsRule() {
        AttentionMask window = AttentionMask.where(1, 4, 4,
                (b, t, s) -> Math.abs(t - s) <= 1);
        assertEquals("b0 t0  xx..\nb0 t1  xxx.\nb0 t2  .xxx\n"
                + "b0 t3  ..xx\n", window.toString());
    }

    @Test
    void masksOfDifferentLayoutsDoNotCombine() {
        assertRejected(() -> AttentionMask.causal(2, 3)
                .and(AttentionMask.none(2, 3, 4)), "mask.and",
                "keys 3", "keys 4");
        assertRejected(() -> AttentionMask.none(0, 3, 4), "batch 0");
    }
}
