package org.scratchformer.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Vocabulary;

/**
 * Beam search, batched: every sentence keeps its k best prefixes, and the
 * B·k prefixes of a step go through the decoder as one batch.
 *
 * <pre>
 * score(y) = Σₜ log P(yₜ | source, y₀ … yₜ₋₁)
 * keep, per sentence, the k best score(prefix + w) over its beams and w
 * answer = argmax over finished prefixes of score(y) / |y|^α
 * </pre>
 *
 * <p>Without the length normalisation (α = 0) every extra word lowers the
 * score, so the search prefers translations that stop early; dividing by
 * the length to the power α (here 1: the mean log-probability per word)
 * removes that bias. With k = 1 it is greedy decoding.
 */
public final class BeamSearch {
    /** α of the length normalisation: the mean log-probability. */
    public static final double ALPHA = 1.0;

    private BeamSearch() {
    }

    /**
     * A prefix ({@code <s>}, its words, then {@code <pad>} once it
     * ended), its total log-probability, and how many words it chose,
     * {@code </s>} included.
     */
    private record Beam(int[] ids, double score, boolean done, int length) {
        double normalised() {
            return score / Math.pow(Math.max(1, length), ALPHA);
        }

        /** One more word w with log-probability logP. */
        Beam then(int w, double logP) {
            int[] longer = Arrays.copyOf(ids, ids.length + 1);
            if (done) {
                return new Beam(longer, score, true, length);  // padding
            }
            longer[ids.length] = w;
            return new Beam(longer, score + logP, w == Vocabulary.END_ID,
                    length + 1);
        }
    }

    /**
     * A final beam: its words (ids, no {@code <s>}, no {@code </s>}), its
     * score Σₜ log P (with {@code </s>}), and the score divided by its
     * length to the power α, which ranks it.
     */
    public record Hypothesis(int[] ids, double score, double normalised) {
    }

    // tag::search[]
    /** Each source's best translation: ids, no {@code <s>}, {@code </s>}. */
    public static List<int[]> decode(Translator model, int[][] source,
            int[] sourceLengths, int width, int maxLength) {
        List<int[]> best = new ArrayList<>();
        for (List<Hypothesis> sentence : hypotheses(model, source,
                sourceLengths, width, maxLength)) {
            best.add(sentence.get(0).ids());
        }
        return best;
    }

    /** Each source's k final beams, the best (normalised) first. */
    @SuppressWarnings("try")  // the scope only switches the graph off
    public static List<List<Hypothesis>> hypotheses(Translator model,
            int[][] source, int[] sourceLengths, int width, int maxLength) {
        if (width < 1) {
            throw new IllegalArgumentException("beam search: the width must"
                    + " be at least 1, got " + width);
        }
        int b = source.length;
        try (NoGrad scope = NoGrad.enter()) {
            Tensor memory = repeat(model.encode(source, sourceLengths), b,
                    width);  // (B·k·S, C): each sentence k times
            int[] lengthsK = new int[b * width];
            for (int i = 0; i < lengthsK.length; i++) {
                lengthsK[i] = sourceLengths[i / width];
            }
            List<List<Beam>> beams = new ArrayList<>();
            for (int i = 0; i < b; i++) {
                beams.add(List.of(new Beam(new int[] {Vocabulary.START_ID},
                        0, false, 0)));
            }
            for (int t = 1; t <= maxLength && !allDone(beams); t++) {
                DMatrixRMaj logProbs = step(model, memory, lengthsK, beams,
                        width, t);  // (B·k, V)
                for (int i = 0; i < b; i++) {
                    beams.set(i, extend(beams.get(i), logProbs, i * width,
                            width));
                }
            }
            List<List<Hypothesis>> out = new ArrayList<>();
            for (List<Beam> sentence : beams) {
                out.add(ranked(sentence));
            }
            return out;
        }
    }
    // end::search[]

    /** A sentence's beams as hypotheses, by normalised score, ties in order. */
    private static List<Hypothesis> ranked(List<Beam> sentence) {
        List<Hypothesis> out = new ArrayList<>();
        for (Beam beam : sentence) {
            out.add(new Hypothesis(Greedy.strip(new int[][] {beam.ids()})
                    .get(0), beam.score(), beam.normalised()));
        }
        // a stable sort: of equal scores, the earlier beam stays first
        out.sort((x, y) -> Double.compare(y.normalised(), x.normalised()));
        return out;
    }

    /** log P of the next word for every beam of every sentence. */
    private static DMatrixRMaj step(Translator model, Tensor memory,
            int[] lengthsK, List<List<Beam>> beams, int width, int t) {
        int rows = beams.size() * width;
        int[][] prefix = new int[rows][t];
        for (int i = 0; i < beams.size(); i++) {
            List<Beam> sentence = beams.get(i);
            for (int j = 0; j < width; j++) {
                // missing beams repeat the first; their rows are not read
                Beam beam = sentence.get(Math.min(j, sentence.size() - 1));
                System.arraycopy(beam.ids(), 0, prefix[i * width + j], 0, t);
            }
        }
        int[] lengths = new int[rows];
        Arrays.fill(lengths, t);
        // log P (B·k·t, V) = log_softmax(logits), chapter 5's op
        DMatrixRMaj logProbs = Ops.logSoftmax(model.decode(memory, lengthsK,
                prefix, lengths)).value();
        DMatrixRMaj out = new DMatrixRMaj(rows, logProbs.numCols);
        for (int r = 0; r < rows; r++) {  // each beam's last position
            System.arraycopy(logProbs.data, (r * t + t - 1) * out.numCols,
                    out.data, r * out.numCols, out.numCols);
        }
        return out;
    }

    /** The k best one-word extensions of a sentence's beams. */
    private static List<Beam> extend(List<Beam> sentence,
            DMatrixRMaj logProbs, int firstRow, int width) {
        List<Beam> candidates = new ArrayList<>();
        for (int j = 0; j < sentence.size(); j++) {
            Beam beam = sentence.get(j);
            if (beam.done()) {
                candidates.add(beam.then(Vocabulary.PAD_ID, 0));  // as it is
                continue;
            }
            for (int v = Vocabulary.END_ID; v < logProbs.numCols; v++) {
                candidates.add(beam.then(v, logProbs.get(firstRow + j, v)));
            }
        }
        candidates.sort((x, y) -> Double.compare(y.score(), x.score()));
        return List.copyOf(candidates.subList(0,
                Math.min(width, candidates.size())));
    }

    private static boolean allDone(List<List<Beam>> beams) {
        for (List<Beam> sentence : beams) {
            for (Beam beam : sentence) {
                if (!beam.done()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** (B·S, C) rows → (B·k·S, C): each sentence's block k times. */
    private static Tensor repeat(Tensor memory, int b, int k) {
        DMatrixRMaj m = memory.value();
        int block = m.numRows / b * m.numCols;
        DMatrixRMaj out = new DMatrixRMaj(m.numRows * k, m.numCols);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < k; j++) {
                System.arraycopy(m.data, i * block, out.data,
                        (i * k + j) * block, block);
            }
        }
        return Tensor.constant(out);
    }
}
