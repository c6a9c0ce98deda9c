package org.scratchformer.cli;

import java.util.ArrayList;
import java.util.List;
import org.scratchformer.decoding.BeamSearch;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.decoding.Greedy;
import org.scratchformer.decoding.Prediction;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.Batcher;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Vocabulary;

/** Greedy translations of many pairs, in batches, and their evaluation. */
final class BatchDecoding {
    /**
     * The longest sentence the commands translate, in words: the numbers
     * task's longest have 9, the copy tasks' 10. A longer one is nothing
     * the model has seen, and its decoding would take seconds.
     */
    static final int MAX_WORDS = 100;

    /** Sentences decoded at once. */
    static final int BATCH = 100;

    private BatchDecoding() {
    }

    /** The longest translation decoding may produce for a source. */
    static int maxLength(int sourceLength) {
        return 2 * sourceLength + 10;
    }

    static Evaluation evaluate(Translator model, Task task,
            List<Pair> pairs) {
        return evaluate(model, task, pairs, 1);
    }

    /** Greedy decoding for a beam of 1, beam search for a wider one. */
    static Evaluation evaluate(Translator model, Task task,
            List<Pair> pairs, int beam) {
        Batcher batcher = Batcher.of(task, BATCH);
        Vocabulary target = task.targetVocabulary();
        List<Prediction> all = new ArrayList<>();
        for (Batch batch : batcher.batches(pairs)) {
            int limit = maxLength(batch.sourceLength());
            List<int[]> out = beam == 1
                    ? Greedy.decode(model, batch.source(),
                            batch.sourceLengths(), limit)
                    : BeamSearch.decode(model, batch.source(),
                            batch.sourceLengths(), beam, limit);
            for (int i = 0; i < out.size(); i++) {
                Pair pair = batch.pairs().get(i);
                all.add(new Prediction(pair.source(), pair.target(),
                        target.decode(out.get(i))));
            }
        }
        return Evaluation.of(all);
    }

    /** The translation of one tokenised source sentence. */
    static List<String> translate(Translator model, Task task,
            List<String> source) {
        int[] ids = task.sourceVocabulary().encode(source);
        int[] out = Greedy.decode(model, new int[][] {ids},
                new int[] {ids.length}, maxLength(ids.length)).get(0);
        return task.targetVocabulary().decode(out);
    }

    /**
     * The logits (T, V) of the model reading {@code source} and, on the
     * decoder side, &lt;s&gt; followed by {@code target}: what it predicts
     * at each position of a given translation. No graph is recorded.
     */
    @SuppressWarnings("try")  // the scope only switches the graph off
    static Tensor teacherForced(Translator model, Task task,
            List<String> source, List<String> target) {
        int[] src = task.sourceVocabulary().encode(source);
        int[] input = decoderInput(task, target);
        try (NoGrad scope = NoGrad.enter()) {
            return model.decode(model.encode(new int[][] {src},
                    new int[] {src.length}), new int[] {src.length},
                    new int[][] {input}, new int[] {input.length});
        }
    }

    /** The decoder's input ids for a translation: &lt;s&gt;, then its words. */
    static int[] decoderInput(Task task, List<String> target) {
        int[] words = task.targetVocabulary().encode(target);
        int[] input = new int[words.length + 1];
        input[0] = Vocabulary.START_ID;
        System.arraycopy(words, 0, input, 1, words.length);
        return input;
    }
}
