package org.scratchformer.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Translator;
import org.scratchformer.transformer.NormPlacement;

/**
 * Greedy decoding and beam search on an untrained model: what holds
 * whatever the weights are.
 */
class DecodingTest {
    static final int VOCABULARY = 9;

    static Translator model(long seed) {
        Translator m = new Translator(new ModelConfig(8, 2, 16, 1, 1, 0,
                NormPlacement.POST, false), VOCABULARY, VOCABULARY,
                new Random(seed));
        m.eval();
        return m;
    }

    static final int[][] SOURCE = {{3, 4, 5, 0}, {6, 7, 8, 3}, {4, 0, 0, 0}};
    static final int[] LENGTHS = {3, 4, 1};

    @Test
    void aBeamOfOneIsGreedyDecoding() {
        for (long seed = 1; seed <= 5; seed++) {
            Translator m = model(seed);
            List<int[]> greedy = Greedy.decode(m, SOURCE, LENGTHS, 7);
            List<int[]> beam = BeamSearch.decode(m, SOURCE, LENGTHS, 1, 7);
            for (int i = 0; i < SOURCE.length; i++) {
                assertArrayEquals(greedy.get(i), beam.get(i), "seed " + seed
                        + ", sentence " + i);
            }
        }
    }

    @Test
    void aSentenceDecodesTheSameAloneAsInABatch() {
        Translator m = model(11);
        List<int[]> batch = BeamSearch.decode(m, SOURCE, LENGTHS, 3, 7);
        List<int[]> greedyBatch = Greedy.decode(m, SOURCE, LENGTHS, 7);
        for (int i = 0; i < SOURCE.length; i++) {
            int[][] one = {java.util.Arrays.copyOf(SOURCE[i], LENGTHS[i])};
            assertArrayEquals(batch.get(i), BeamSearch.decode(m, one,
                    new int[] {LENGTHS[i]}, 3, 7).get(0), "beam " + i);
            assertArrayEquals(greedyBatch.get(i), Greedy.decode(m, one,
                    new int[] {LENGTHS[i]}, 7).get(0), "greedy " + i);
        }
    }

    @Test
    void outputsStayWithinTheLimitAndHoldNoSpecialTokens() {
        Translator m = model(3);
        for (int[] ids : BeamSearch.decode(m, SOURCE, LENGTHS, 4, 5)) {
            assertTrue(ids.length <= 5, "length " + ids.length);
            for (int id : ids) {
                assertTrue(id > 2 && id < VOCABULARY, "id " + id);
            }
        }
        assertEquals("beam search: the width must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> BeamSearch.decode(m, SOURCE, LENGTHS, 0, 5))
                        .getMessage());
    }
}
