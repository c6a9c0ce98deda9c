package org.scratchformer.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Vocabulary;

/**
 * Greedy decoding, batched: encode the sources once, then grow every
 * translation one word at a time, each time taking the most likely next
 * word, until every sentence has produced {@code </s>} or the length limit.
 *
 * <pre>{@code
 * y₀ = <s>;  y_{t+1} = argmax_w P(w | source, y₀ … y_t)
 * }</pre>
 *
 * <p>Each step runs the decoder on the whole prefix (B, t): the causal
 * mask makes the logits of earlier positions equal to those of the step
 * before, and only the last position's are read. That repeats work (a
 * cache of keys and values would avoid it) but keeps decoding the same
 * code path as training.
 */
public final class Greedy {
    private Greedy() {
    }

    // tag::decode[]
    /** The target ids (without {@code <s>} and {@code </s>}) per source. */
    @SuppressWarnings("try")  // the scope only switches the graph off
    public static List<int[]> decode(Translator model, int[][] source,
            int[] sourceLengths, int maxLength) {
        int b = source.length;
        try (NoGrad scope = NoGrad.enter()) {
            Tensor memory = model.encode(source, sourceLengths);
            int[][] prefix = new int[b][1];
            for (int[] row : prefix) {
                row[0] = Vocabulary.START_ID;
            }
            boolean[] done = new boolean[b];
            for (int t = 1; t <= maxLength && !allTrue(done); t++) {
                int[] lengths = new int[b];
                Arrays.fill(lengths, t);
                Tensor logits = model.decode(memory, sourceLengths, prefix,
                        lengths);  // (B·t, V)
                int[][] longer = new int[b][t + 1];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(prefix[i], 0, longer[i], 0, t);
                    int next = done[i] ? Vocabulary.PAD_ID
                            : argmax(logits.value(), i * t + t - 1);
                    longer[i][t] = next;
                    done[i] |= next == Vocabulary.END_ID;
                }
                prefix = longer;
            }
            return strip(prefix);
        }
    }
    // end::decode[]

    /** The most likely word of a row; never {@code <pad>} or {@code <s>}. */
    static int argmax(DMatrixRMaj logits, int row) {
        int best = Vocabulary.END_ID;
        for (int j = best + 1; j < logits.numCols; j++) {
            if (logits.get(row, j) > logits.get(row, best)) {
                best = j;
            }
        }
        return best;
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    /** Drops {@code <s>} and everything from {@code </s>} on. */
    static List<int[]> strip(int[][] prefixes) {
        List<int[]> out = new ArrayList<>();
        for (int[] p : prefixes) {
            int end = 1;
            while (end < p.length && p[end] != Vocabulary.END_ID
                    && p[end] != Vocabulary.PAD_ID) {
                end++;
            }
            out.add(Arrays.copyOfRange(p, 1, end));
        }
        return out;
    }
}
