package org.scratchformer.multihead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.BatchedMatMul;
import org.scratchformer.multihead.MultiHeadAttention.Implementation;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 9's refusals, names and numerical edges: the smallest valid
 * sizes, masks of other values, scores far too large for a naive softmax,
 * and which op each implementation records.
 */
class MultiHeadEdgesTest {

    static String rejected(Executable code, String... words) {
        String message = assertThrows(IllegalArgumentException.class, code)
                .getMessage();
        for (String word : words) {
            assertTrue(message.contains(word), "'" + word + "' missing from: "
                    + message);
        }
        return message;
    }

    static Tensor filled(int rows, int cols, double value) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        m.fill(value);
        return Tensor.variable(m);
    }

    @Test
    void sizesBelowOneAreRefusedAndOneIsAccepted() {
        rejected(() -> new FusedAttention(0, 1), "batch 0");
        rejected(() -> new FusedAttention(1, 0), "heads 0");
        rejected(() -> new HeadSoftmax(0), "heads", "got 0");
        rejected(() -> new MultiHeadAttention(0, 1, new Random(1)),
                "d_model 0");
        new FusedAttention(1, 1);
        new HeadSoftmax(1);
        new MultiHeadAttention(1, 1, new Random(1));
        new MultiHeadAttention(4, 1, new Random(1));
    }

    @Test
    void opsAreNamed() {
        assertEquals("fused_attention", new FusedAttention(1, 1).name());
        assertEquals("head_softmax", new HeadSoftmax(1).name());
        assertEquals("MultiHeadAttention(d_model 6, 3 heads)",
                new MultiHeadAttention(6, 3, new Random(1)).toString());
    }

    @Test
    void theFusedOpChecksItsInputs() {
        FusedAttention op = new FusedAttention(2, 2);
        Tensor q = filled(6, 4, 0.1);   // B·T = 2·3, H·D = 2·2
        Tensor k = filled(10, 4, 0.2);  // B·S = 2·5
        Tensor m = Tensor.constant(new DMatrixRMaj(6, 5));
        rejected(() -> op.apply(q, k, k), "fused_attention", "takes 4");
        rejected(() -> op.apply(q, k, filled(8, 4, 0), m), "V (8x4)",
                "M needs (6x5)");
        rejected(() -> op.apply(q, k, k, Tensor.constant(new DMatrixRMaj(6,
                4))), "M (6x4)", "M needs (6x5)");
        DMatrixRMaj one = new DMatrixRMaj(6, 5);
        one.set(2, 3, 1.0);
        rejected(() -> op.apply(q, k, k, Tensor.constant(one)), "holds 1.0",
                "(2, 3)");
        DMatrixRMaj allMasked = new DMatrixRMaj(6, 5);
        for (int j = 0; j < 5; j++) {
            allMasked.set(4, j, Double.NEGATIVE_INFINITY);
        }
        rejected(() -> op.apply(q, k, k, Tensor.constant(allMasked)),
                "row 4", "masks every key");
        rejected(() -> op.apply(filled(5, 4, 0), k, k, m), "Q (5x4)",
                "batch size 2");
    }

    @Test
    void hugeScoresStayFiniteInBothSoftmaxes() {
        // scores of about 10⁵: e^score overflows unless the max is taken
        Tensor q = filled(2, 2, 300);
        Tensor k = filled(2, 2, 300);
        DMatrixRMaj v = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj y = new FusedAttention(1, 1).apply(q, k,
                Tensor.constant(v), Tensor.constant(new DMatrixRMaj(2, 2)))
                .value();
        for (int i = 0; i < 4; i++) {
            assertTrue(Double.isFinite(y.get(i)), "element " + i + ": "
                    + y.get(i));
        }
        assertEquals(2, y.get(0, 0), 1e-12);  // equal scores: the mean
        DMatrixRMaj w = new HeadSoftmax(2).apply(Tensor.constant(
                new DMatrixRMaj(new double[][] {{800, 800, -5, 900}})))
                .value();
        assertEquals(0.5, w.get(0, 0), 1e-15);
        assertEquals(1.0, w.get(0, 3), 1e-15);
    }

    @Test
    void eachImplementationRecordsItsOwnOps() {
        AttentionMask mask = AttentionMask.none(1, 2, 2);
        for (Implementation implementation : Implementation.values()) {
            MultiHeadAttention attention = new MultiHeadAttention(4, 2,
                    implementation, new Random(1));
            assertEquals(implementation, attention.implementation());
            Tensor y = attention.forward(filled(2, 4, 0.3), mask);
            // y = linear(merged, W_O, b_O): find merged's op
            Tensor merged = y.inputs().get(0);
            Class<?> expected = implementation == Implementation.FUSED
                    ? FusedAttention.class : BatchedMatMul.class;
            assertEquals(expected, merged.op().getClass(),
                    implementation.toString());
        }
    }

    @Test
    void selfAttentionIsAttentionToItself() {
        AttentionMask mask = AttentionMask.causal(1, 3);
        MultiHeadAttention attention = new MultiHeadAttention(4, 2,
                new Random(2));
        Tensor x = Tensor.constant(new DMatrixRMaj(new double[][] {
            {1, 0, 2, 1}, {0, 1, 1, 3}, {2, 2, 0, 1}}));
        DMatrixRMaj self = attention.forward(x, mask).value();
        DMatrixRMaj cross = attention.forward(x, x, mask).value();
        for (int i = 0; i < self.getNumElements(); i++) {
            assertEquals(cross.get(i), self.get(i), 0, "element " + i);
        }
    }

    @Test
    void theImplementationIsChosenOnceAndNamed() {
        assertEquals(Implementation.COMPOSED, new MultiHeadAttention(4, 2,
                new Random(1)).implementation());
        rejected(() -> new MultiHeadAttention(4, 2, null, new Random(1)),
                "MultiHeadAttention", "implementation is null", "COMPOSED",
                "FUSED");
        // nothing a pass could change: every field is fixed when built
        for (java.lang.reflect.Field field
                : MultiHeadAttention.class.getDeclaredFields()) {
            assertTrue(java.lang.reflect.Modifier.isFinal(
                    field.getModifiers()) || field.isSynthetic(),
                    field.getName() + " is not final");
        }
    }

    @Test
    void weightsAreOneMatrixPerHeadAndRefuseInputsThatDoNotFit() {
        MultiHeadAttention attention = new MultiHeadAttention(6, 3,
                new Random(1));
        AttentionMask mask = AttentionMask.none(1, 2, 4);
        List<DMatrixRMaj> weights = attention.weights(filled(2, 6, 0.1),
                filled(4, 6, 0.2), mask);
        assertEquals(3, weights.size());
        for (DMatrixRMaj w : weights) {
            assertEquals(List.of(2, 4), List.of(w.numRows, w.numCols));
        }
        rejected(() -> attention.weights(filled(2, 6, 0.1), filled(3, 6,
                0.2), mask), "MultiHeadAttention(d_model 6, 3 heads)",
                "keys (3x6)", "4 keys");
        rejected(() -> attention.weights(filled(2, 4, 0.1), filled(4, 6,
                0.2), mask), "queries (2x4)", "d_model 6");
    }

    @Test
    void chapterNineRegistersItsTwoOpsWithValidInputs() {
        MultiHeadOps source = new MultiHeadOps();
        assertEquals(9, source.chapter());
        List<org.scratchformer.ops.OpEntry> entries = source.entries();
        assertEquals(List.of("head_softmax", "fused_attention"),
                entries.stream().map(org.scratchformer.ops.OpEntry::name)
                        .toList());
        for (long seed = 1; seed <= 20; seed++) {
            List<Tensor> softmax = entries.get(0).inputs()
                    .apply(new Random(seed));
            assertEquals(0, softmax.get(0).cols() % MultiHeadOps.HEADS);
            List<Tensor> attention = entries.get(1).inputs()
                    .apply(new Random(seed));
            assertEquals(4, attention.size());
            Tensor q = attention.get(0);
            Tensor k = attention.get(1);
            DMatrixRMaj mask = attention.get(3).value();
            assertEquals(0, q.rows() % MultiHeadOps.BATCH);
            assertEquals(q.rows(), mask.numRows);
            assertEquals(k.rows() / MultiHeadOps.BATCH, mask.numCols);
            assertTrue(!attention.get(3).requiresGrad(), "a constant mask");
            for (int r = 0; r < mask.numRows; r++) {
                boolean kept = false;
                for (int j = 0; j < mask.numCols; j++) {
                    double m = mask.get(r, j);
                    assertTrue(m == 0 || m == Double.NEGATIVE_INFINITY);
                    kept |= m == 0;
                }
                assertTrue(kept, "seed " + seed + ", row " + r);
            }
            assertEquals(q.rows(), entries.get(1).apply().apply(attention)
                    .rows());
            assertEquals(softmax.get(0).cols(), entries.get(0).apply()
                    .apply(softmax).cols());
        }
    }
}
