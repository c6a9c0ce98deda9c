package org.scratchformer.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.data.NumbersTask;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import org.scratchformer.translation.data.Vocabulary;

class BatcherTest {
    final Task task = new NumbersTask();
    final Batcher batcher = Batcher.of(task, 2);
    final Vocabulary en = task.sourceVocabulary();
    final Vocabulary fr = task.targetVocabulary();

    int[] en(String text) {
        return en.encode(Tokens.split(text));
    }

    int[] fr(String text) {
        return fr.encode(Tokens.split(text));
    }

    @Test
    void padsToTheLongestSentenceOfTheBatch() {
        // 81: eighty one → quatre - vingt - un;  7: seven → sept
        Batch batch = batcher.batch(List.of(NumbersTask.pair(81),
                NumbersTask.pair(7)));
        assertEquals(2, batch.size());
        assertEquals(2, batch.sourceLength());
        assertEquals(6, batch.targetLength());  // 5 tokens + </s>
        int[] eightyOne = en("eighty one");
        assertArrayEquals(new int[][] {eightyOne, {en("seven")[0], 0}},
                batch.source());
        int[] quatreVingtUn = fr("quatre-vingt-un");
        int sept = fr("sept")[0];
        int s = Vocabulary.START_ID;
        int e = Vocabulary.END_ID;
        assertArrayEquals(new int[][] {
            {s, quatreVingtUn[0], quatreVingtUn[1], quatreVingtUn[2],
                quatreVingtUn[3], quatreVingtUn[4]},
            {s, sept, 0, 0, 0, 0}}, batch.decoderInput());
        assertArrayEquals(new int[][] {
            {quatreVingtUn[0], quatreVingtUn[1], quatreVingtUn[2],
                quatreVingtUn[3], quatreVingtUn[4], e},
            {sept, e, 0, 0, 0, 0}}, batch.target());
        assertArrayEquals(new int[] {2, 1}, batch.sourceLengths());
        assertArrayEquals(new int[] {6, 2}, batch.targetLengths());
        assertEquals(8, batch.targetTokens());
    }

    @Test
    void theTargetIsTheDecoderInputShiftedLeft() {
        Batch batch = Batcher.of(task, 64).batch(task.pairs(Split.TRAIN, 64,
                3));
        for (int b = 0; b < batch.size(); b++) {
            int length = batch.targetLengths()[b];
            for (int t = 0; t + 1 < length; t++) {
                assertEquals(batch.target()[b][t],
                        batch.decoderInput()[b][t + 1]);
            }
            assertEquals(Vocabulary.END_ID, batch.target()[b][length - 1]);
            for (int t = length; t < batch.targetLength(); t++) {
                assertEquals(0, batch.target()[b][t]);
                assertEquals(0, batch.decoderInput()[b][t]);
            }
        }
    }

    @Test
    void indicesAreOneRowOfRowsOneAfterAnother() {
        Batch batch = batcher.batch(List.of(NumbersTask.pair(81),
                NumbersTask.pair(7)));
        Tensor ids = batch.targetIds();
        assertEquals("(1x12)", ids.shape());
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 6; t++) {
                assertEquals(batch.target()[b][t], ids.get(0, b * 6 + t));
            }
        }
        assertEquals("(1x4)", batch.sourceIds().shape());
        assertEquals(batch.decoderInput()[1][1],
                batch.decoderInputIds().get(0, 7));
        Tensor none = Batch.indices(new int[0][]);
        assertEquals("(1x0)", none.shape());
    }

    @Test
    void batchesCoverEveryPairOnceAndTheLastMayBeSmaller() {
        List<Pair> pairs = task.pairs(Split.TRAIN, 7, 1);
        List<Batch> batches = Batcher.of(task, 3).batches(pairs);
        assertEquals(List.of(3, 3, 1), batches.stream().map(Batch::size)
                .toList());
        List<Pair> seen = new ArrayList<>();
        batches.forEach(b -> seen.addAll(b.pairs()));
        assertEquals(pairs, seen);
    }

    @Test
    void shufflingIsAPermutationDrawnFromSeedAndEpoch() {
        List<Pair> pairs = task.pairs(Split.TRAIN, 40, 1);
        Batcher byFour = Batcher.of(task, 4);
        List<Pair> a = flatten(byFour.shuffled(pairs, 5, 0));
        assertEquals(a, flatten(byFour.shuffled(pairs, 5, 0)));
        assertNotEquals(a, flatten(byFour.shuffled(pairs, 5, 1)));
        assertNotEquals(a, flatten(byFour.shuffled(pairs, 6, 0)));
        assertNotEquals(pairs, a);
        assertEquals(new HashSet<>(pairs), new HashSet<>(a));
        assertEquals(pairs.size(), a.size());
    }

    @Test
    void theShuffleOfASeedAndEpochIsPinned() {
        // a run resumed by another build must draw the same order
        List<Pair> pairs = task.pairs(Split.TRAIN, 6, 1);
        List<Pair> order = flatten(Batcher.of(task, 1).shuffled(pairs, 3, 2));
        List<Integer> positions = new ArrayList<>();
        order.forEach(p -> positions.add(pairs.indexOf(p)));
        assertEquals(List.of(0, 3, 1, 4, 5, 2), positions);
    }

    @Test
    void aBatchMayHoldOnePair() {
        Batcher single = Batcher.of(task, 1);
        assertEquals(1, single.batchSize());
        List<Pair> pairs = task.pairs(Split.TRAIN, 3, 1);
        assertEquals(3, single.batches(pairs).size());
    }

    static List<Pair> flatten(List<Batch> batches) {
        List<Pair> pairs = new ArrayList<>();
        batches.forEach(b -> pairs.addAll(b.pairs()));
        return pairs;
    }

    @Test
    void badInputIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Batcher.of(task, 0));
        assertEquals("the batch size must be at least 1, got 0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> batcher.batch(List.of()));
        assertEquals("a batch needs at least one sentence pair",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> batcher.batch(List.of(new Pair(List.of("one"),
                        List.of("one")))));
        assertTrue(e.getMessage().startsWith("unknown word 'one' (word 1"
                + " of 'one')"), e.getMessage());
    }
}
