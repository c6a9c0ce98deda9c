package org.scratchformer.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.attention.AttentionAssertions.assertRejected;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.tensor.Tensor;

/** The edges of the masks' and attention's arguments, and chapter 8's entries. */
class AttentionEdgesTest {

    @Test
    void everyBuilderRefusesAnEmptySize() {
        assertRejected(() -> AttentionMask.none(2, 0, 4), "queries 0");
        assertRejected(() -> AttentionMask.none(2, 3, 0), "keys 0");
        assertRejected(() -> AttentionMask.padding(new int[] {1}, 0, 4),
                "queries 0");
        assertRejected(() -> AttentionMask.padding(new int[0], 3, 4),
                "batch 0");
        assertRejected(() -> AttentionMask.causal(0, 3), "batch 0");
        assertRejected(() -> AttentionMask.causal(2, 0), "queries 0");
        assertRejected(() -> AttentionMask.where(1, 2, 0, (b, t, s) -> true),
                "keys 0");
    }

    @Test
    void theSmallestSizesAreAccepted() {
        AttentionMask one = AttentionMask.padding(new int[] {1, 1}, 1, 1);
        assertTrue(one.keepsAll());
        assertEquals(1, AttentionMask.none(1, 1, 1).tensor().rows());
        AttentionMask shortKeys = AttentionMask.padding(new int[] {1, 3}, 2,
                3);
        assertEquals("b0 t0  x..\nb0 t1  x..\nb1 t0  xxx\nb1 t1  xxx\n",
                shortKeys.toString());
    }

    @Test
    void noneHasOneRowPerQueryOfEverySequence() {
        AttentionMask none = AttentionMask.none(2, 3, 4);
        DMatrixRMaj m = none.tensor().value();
        assertEquals(6, m.numRows);
        assertEquals(4, m.numCols);
        assertTrue(none.keeps(1, 2, 3), "the last query of the last"
                + " sequence sees the last key");
    }

    @Test
    void theMaskForHeadsRepeatsTheMaskInEveryBlock() {
        AttentionMask mask = AttentionMask.padding(new int[] {2, 3}, 2, 3);
        DMatrixRMaj one = mask.tensor().value();           // (4, 3)
        DMatrixRMaj heads = mask.tensorForHeads(2).value();  // (4, 6)
        assertEquals(4, heads.numRows);
        assertEquals(6, heads.numCols);
        for (int r = 0; r < 4; r++) {
            for (int h = 0; h < 2; h++) {
                for (int s = 0; s < 3; s++) {
                    assertEquals(one.get(r, s), heads.get(r, h * 3 + s),
                            "row " + r + ", head " + h + ", key " + s);
                }
            }
        }
    }

    @Test
    void theMessageNamesTheRowOfALaterSequence() {
        assertRejected(() -> AttentionMask.where(3, 4, 2,
                (b, t, s) -> !(b == 2 && t == 1)), "query 1 of sequence 2");
    }

    @Test
    void valuesOfAnotherLengthThanTheKeysAreRefused() {
        AttentionMask mask = AttentionMask.none(2, 3, 5);
        Tensor q = Tensor.constant(new DMatrixRMaj(6, 4));
        Tensor k = Tensor.constant(new DMatrixRMaj(10, 4));
        Tensor v = Tensor.constant(new DMatrixRMaj(8, 4));
        assertRejected(() -> ScaledDotProductAttention.attend(q, k, v, mask),
                "V (8x4)", "K and V 10");
        Tensor shortQ = Tensor.constant(new DMatrixRMaj(5, 4));
        assertRejected(() -> ScaledDotProductAttention.attend(shortQ, k, k,
                mask), "Q (5x4)", "Q needs 6 rows");
    }

    @Test
    void chapterEightRegistersBothProductsWithTheirLayout() {
        AttentionOps source = new AttentionOps();
        assertEquals(8, source.chapter());
        List<OpEntry> entries = source.entries();
        assertEquals(List.of("batched_matmul_nt", "batched_matmul"),
                entries.stream().map(OpEntry::name).toList());
        for (OpEntry entry : entries) {
            List<Tensor> inputs = entry.inputs().apply(new Random(5));
            assertEquals(2, inputs.size(), entry.name());
            assertEquals(0, inputs.get(0).rows() % AttentionOps.BATCH);
            assertEquals(0, inputs.get(1).rows() % AttentionOps.BATCH);
            assertEquals(0, inputs.get(0).cols() % AttentionOps.HEADS);
            Tensor y = entry.apply().apply(inputs);
            assertEquals(inputs.get(0).rows(), y.rows(), entry.name());
        }
        assertTrue(entries.get(0).inputs().apply(new Random(5)).get(0)
                .cols() == entries.get(0).inputs().apply(new Random(5))
                .get(1).cols(), "Q and K of one width");
    }
}
