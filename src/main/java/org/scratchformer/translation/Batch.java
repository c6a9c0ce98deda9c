package org.scratchformer.translation;

import java.util.List;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.data.Pair;

/**
 * A batch of B sentence pairs as padded id matrices, ready for the model.
 *
 * <pre>
 * source        (B, S)   the source words,          then padding (id 0)
 * decoderInput  (B, T)   {@code <s>}, the target words,   then padding
 * target        (B, T)   the target words, {@code </s>},  then padding
 * </pre>
 *
 * <p>The target is the decoder input shifted one place to the left: at
 * position t the decoder has seen {@code <s>} and the first t target words
 * and must predict word t + 1 (or {@code </s>}). S and T are the longest
 * lengths in this batch, not of the whole task. Padding is id 0; the masks
 * are built from {@link #sourceLengths()} and {@link #targetLengths()}, and
 * the loss ignores every target position at or past a target length.
 *
 * <p>The model gathers embeddings with a (1, N) row of ids ({@code
 * GatherRows}), the rows of the matrix one after another, so token t of
 * sentence b is at column b·T + t, matching the (B·T, C) activations.
 * The arrays are shared, not copied: do not change them.
 */
public final class Batch {
    private final List<Pair> pairs;
    private final int[][] source;
    private final int[][] decoderInput;
    private final int[][] target;
    private final int[] sourceLengths;
    private final int[] targetLengths;

    Batch(List<Pair> pairs, int[][] source, int[][] decoderInput,
            int[][] target, int[] sourceLengths, int[] targetLengths) {
        this.pairs = List.copyOf(pairs);
        this.source = source;
        this.decoderInput = decoderInput;
        this.target = target;
        this.sourceLengths = sourceLengths;
        this.targetLengths = targetLengths;
    }

    /** B, the number of sentence pairs. */
    public int size() {
        return pairs.size();
    }

    /** S, the padded source length. */
    public int sourceLength() {
        return source[0].length;
    }

    /** T, the padded target length. */
    public int targetLength() {
        return target[0].length;
    }

    /** The pairs, in batch order. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** Source ids (B, S). */
    public int[][] source() {
        return source;
    }

    /** Decoder input ids (B, T): {@code <s>} then the target words. */
    public int[][] decoderInput() {
        return decoderInput;
    }

    /** Target ids (B, T): the target words then {@code </s>}. */
    public int[][] target() {
        return target;
    }

    /** Words in each source sentence (B). */
    public int[] sourceLengths() {
        return sourceLengths;
    }

    /** Target positions in each sentence: its words plus {@code </s>} (B). */
    public int[] targetLengths() {
        return targetLengths;
    }

    /** The target positions that count in the loss: Σ targetLengths. */
    public int targetTokens() {
        int count = 0;
        for (int length : targetLengths) {
            count += length;
        }
        return count;
    }

    /** Source ids as the (1, B·S) index row GatherRows takes. */
    public Tensor sourceIds() {
        return indices(source);
    }

    /** Decoder input ids as a (1, B·T) index row. */
    public Tensor decoderInputIds() {
        return indices(decoderInput);
    }

    /** Target ids as a (1, B·T) index row, in the rows' order. */
    public Tensor targetIds() {
        return indices(target);
    }

    // tag::indices[]
    /** An id matrix (B, L) as a constant (1, B·L): row b at b·L. */
    public static Tensor indices(int[][] ids) {
        int length = ids.length == 0 ? 0 : ids[0].length;
        double[][] row = new double[1][ids.length * length];
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < length; t++) {
                row[0][b * length + t] = ids[b][t];
            }
        }
        return Tensor.constant(row);
    }
    // end::indices[]
}
