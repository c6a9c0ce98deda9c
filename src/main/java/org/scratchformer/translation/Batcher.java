package org.scratchformer.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Vocabulary;

/**
 * Cuts sentence pairs into batches of padded id matrices ({@link Batch}),
 * in order or shuffled. The last batch holds what is left and may be
 * smaller.
 */
public final class Batcher {
    private final Vocabulary sourceVocabulary;
    private final Vocabulary targetVocabulary;
    private final int batchSize;

    public Batcher(Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at"
                    + " least 1, got " + batchSize);
        }
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
        this.batchSize = batchSize;
    }

    /** A batcher for a task's own vocabularies. */
    public static Batcher of(Task task, int batchSize) {
        return new Batcher(task.sourceVocabulary(), task.targetVocabulary(),
                batchSize);
    }

    public int batchSize() {
        return batchSize;
    }

    // tag::batch[]
    /** One batch of all {@code pairs}, padded to the longest sentences. */
    public Batch batch(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one"
                    + " sentence pair");
        }
        int b = pairs.size();
        int[][] sources = new int[b][];
        int[][] targets = new int[b][];
        int[] sourceLengths = new int[b];
        int[] targetLengths = new int[b];
        int s = 0;
        int t = 0;
        for (int i = 0; i < b; i++) {
            sources[i] = sourceVocabulary.encode(pairs.get(i).source());
            targets[i] = targetVocabulary.encode(pairs.get(i).target());
            sourceLengths[i] = sources[i].length;
            targetLengths[i] = targets[i].length + 1;  // the words + </s>
            s = Math.max(s, sourceLengths[i]);
            t = Math.max(t, targetLengths[i]);
        }
        int[][] source = new int[b][s];          // (B, S), 0 is <pad>
        int[][] decoderInput = new int[b][t];    // (B, T)
        int[][] target = new int[b][t];          // (B, T)
        for (int i = 0; i < b; i++) {
            int n = targets[i].length;
            System.arraycopy(sources[i], 0, source[i], 0, sources[i].length);
            decoderInput[i][0] = Vocabulary.START_ID;     // <s> w1 .. wn
            System.arraycopy(targets[i], 0, decoderInput[i], 1, n);
            System.arraycopy(targets[i], 0, target[i], 0, n);
            target[i][n] = Vocabulary.END_ID;             // w1 .. wn </s>
        }
        return new Batch(pairs, source, decoderInput, target, sourceLengths,
                targetLengths);
    }
    // end::batch[]

    /** Batches of {@code pairs} in their order. */
    public List<Batch> batches(List<Pair> pairs) {
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < pairs.size(); start += batchSize) {
            int end = Math.min(pairs.size(), start + batchSize);
            batches.add(batch(pairs.subList(start, end)));
        }
        return batches;
    }

    // tag::shuffle[]
    /**
     * Batches of {@code pairs} in an order drawn from {@code seed} and
     * {@code epoch} alone, so a resumed run shuffles epoch e as the
     * uninterrupted run did.
     */
    public List<Batch> shuffled(List<Pair> pairs, long seed, int epoch) {
        List<Pair> order = new ArrayList<>(pairs);
        Random random = new Random(seed * 1_000_003L + epoch);
        for (int i = order.size() - 1; i > 0; i--) {  // Fisher–Yates
            int j = random.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));  // swap i and j
        }
        return batches(order);
    }
    // end::shuffle[]
}
