package org.scratchformer.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.ops.Ops;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Vocabulary;

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
            int[][] one = {Arrays.copyOf(SOURCE[i], LENGTHS[i])};
            assertArrayEquals(batch.get(i), BeamSearch.decode(m, one,
                    new int[] {LENGTHS[i]}, 3, 7).get(0), "beam " + i);
            assertArrayEquals(greedyBatch.get(i), Greedy.decode(m, one,
                    new int[] {LENGTHS[i]}, 7).get(0), "greedy " + i);
        }
    }

    /**
     * The hypotheses are the final beams, best first: each one's score is
     * the sum of its words' log-probabilities (read from one pass over
     * the whole hypothesis), its rank the score per word.
     */
    @Test
    void hypothesesAreRankedBeamsWithTheirLogProbabilities() {
        Translator m = model(7);
        List<List<BeamSearch.Hypothesis>> all = BeamSearch.hypotheses(m,
                SOURCE, LENGTHS, 3, 7);
        List<int[]> best = BeamSearch.decode(m, SOURCE, LENGTHS, 3, 7);
        for (int i = 0; i < SOURCE.length; i++) {
            List<BeamSearch.Hypothesis> sentence = all.get(i);
            assertEquals(3, sentence.size(), "sentence " + i);
            assertArrayEquals(best.get(i), sentence.get(0).ids());
            int[] source = Arrays.copyOf(SOURCE[i], LENGTHS[i]);
            for (int j = 0; j < sentence.size(); j++) {
                BeamSearch.Hypothesis h = sentence.get(j);
                if (j > 0) {
                    assertTrue(h.normalised() <= sentence.get(j - 1)
                            .normalised(), "rank " + j);
                }
                double score = logProbability(m, source, h.ids(),
                        h.ids().length < 7);
                assertEquals(score, h.score(), 1e-9, "sentence " + i
                        + ", hypothesis " + j);
                int length = h.ids().length + (h.ids().length < 7 ? 1 : 0);
                assertEquals(h.score() / length, h.normalised(), 1e-12);
            }
        }
    }

    /** Σ log P of the words, and of </s> after them if it ended. */
    static double logProbability(Translator m, int[] source, int[] words,
            boolean ended) {
        int[] input = new int[words.length + 1];
        input[0] = Vocabulary.START_ID;
        System.arraycopy(words, 0, input, 1, words.length);
        DMatrixRMaj logP = Ops.logSoftmax(m.decode(m.encode(
                new int[][] {source}, new int[] {source.length}),
                new int[] {source.length}, new int[][] {input},
                new int[] {input.length})).value();
        double sum = 0;
        for (int t = 0; t < words.length; t++) {
            sum += logP.get(t, words[t]);
        }
        return ended ? sum + logP.get(words.length, Vocabulary.END_ID) : sum;
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

    @Test
    void argmaxNeverChoosesPaddingOrTheStart() {
        // <pad> and <s> score highest; </s> is the first word allowed
        DMatrixRMaj logits = new DMatrixRMaj(new double[][] {
            {9, 8, 1, 2, 2}, {9, 8, 3, 2, 2}});
        assertEquals(3, Greedy.argmax(logits, 0), "ties: the first");
        assertEquals(Vocabulary.END_ID, Greedy.argmax(logits, 1));
    }

    @Test
    void stripDropsTheStartAndStopsAtTheEndOrPadding() {
        int s = Vocabulary.START_ID;
        int e = Vocabulary.END_ID;
        int pad = Vocabulary.PAD_ID;
        List<int[]> out = Greedy.strip(new int[][] {
            {s, 3, 4}, {s, 3, e, 4}, {s, 3, pad, 4}, {s, e}, {s}});
        assertArrayEquals(new int[] {3, 4}, out.get(0), "cut at the limit");
        assertArrayEquals(new int[] {3}, out.get(1), "ended");
        assertArrayEquals(new int[] {3}, out.get(2), "padded");
        assertArrayEquals(new int[] {}, out.get(3), "empty");
        assertArrayEquals(new int[] {}, out.get(4), "nothing chosen");
    }

    @Test
    void whenEveryWordIsEquallyLikelyTiesGoToTheEnd() {
        // output weights 0: every logit 0, every log-probability −log V;
        // greedy and the beam keep the first of equals, </s>
        Translator m = model(2);
        m.parameters().forEach((name, p) -> {
            if (name.startsWith("output.")) {
                p.set(new DMatrixRMaj(p.rows(), p.cols()));
            }
        });
        for (int[] ids : Greedy.decode(m, SOURCE, LENGTHS, 3)) {
            assertArrayEquals(new int[] {}, ids, "greedy");
        }
        for (int[] ids : BeamSearch.decode(m, SOURCE, LENGTHS, 3, 1)) {
            assertArrayEquals(new int[] {}, ids, "beam");
        }
    }

    /** log P(words, then </s> unless cut at the limit) / their number. */
    static double meanLogProbability(Translator m, int[] source,
            List<Integer> words, int maxLength) {
        int n = words.size();
        boolean ended = n < maxLength;
        int[] input = new int[ended ? n + 1 : n];  // <s> w1 .. (wn)
        input[0] = Vocabulary.START_ID;
        for (int i = 0; i + 1 < input.length; i++) {
            input[i + 1] = words.get(i);
        }
        int[] lengths = {source.length};
        DMatrixRMaj logP = Ops.logSoftmax(m.decode(m.encode(
                new int[][] {source}, lengths), lengths, new int[][] {input},
                new int[] {input.length})).value();
        double score = 0;
        for (int t = 0; t < input.length; t++) {
            score += logP.get(t, t < n ? words.get(t) : Vocabulary.END_ID);
        }
        return score / input.length;
    }

    @Test
    void aBeamWideEnoughForEveryCandidateFindsTheBestMeanLogProbability() {
        // two words (3, 4), at most 3 of them: 15 sentences in all, and a
        // beam of 15 keeps every one, so it returns the best of them
        for (long seed = 1; seed <= 6; seed++) {
            Translator m = new Translator(new ModelConfig(8, 2, 16, 1, 1, 0,
                    NormPlacement.POST, false), 5, 5, new Random(seed));
            m.eval();
            int[] source = {3, 4, 3};
            List<List<Integer>> all = new ArrayList<>();
            all.add(List.of());
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).size() < 3) {
                    for (int w = 3; w < 5; w++) {
                        List<Integer> longer = new ArrayList<>(all.get(i));
                        longer.add(w);
                        all.add(longer);
                    }
                }
            }
            assertEquals(15, all.size());
            List<Integer> best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (List<Integer> words : all) {
                double score = meanLogProbability(m, source, words, 3);
                if (score > bestScore) {
                    best = words;
                    bestScore = score;
                }
            }
            int[] found = BeamSearch.decode(m, new int[][] {source},
                    new int[] {3}, 15, 3).get(0);
            assertEquals(best, Arrays.stream(found).boxed().toList(),
                    "seed " + seed);
        }
    }
}
