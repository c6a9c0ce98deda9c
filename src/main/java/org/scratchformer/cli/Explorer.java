package org.scratchformer.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.decoding.BeamSearch;
import org.scratchformer.ops.Ops;
import org.scratchformer.transformer.AttentionMap;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import org.scratchformer.translation.data.Vocabulary;

/**
 * What the explorer page shows of one sentence, computed by the code of
 * the commands: the translation ({@code translate}'s greedy decoding, or
 * the best of {@code eval --beam}'s beam search), the probability of each
 * word and its closest alternatives, the beam's hypotheses with their
 * scores, and every attention map of the translation ({@code attention}'s
 * maps, titles and labels).
 *
 * <p>One model answers one question at a time: {@link #answer} is
 * synchronized, so the server's threads never share a pass.
 */
final class Explorer {
    /** The widest beam the page may ask for. */
    static final int MAX_BEAM = 8;

    /** Alternatives shown at each step, besides the chosen word. */
    static final int ALTERNATIVES = 4;

    /** Test sentences offered on the page. */
    static final int EXAMPLES = 12;

    /** The sentence chapter 12 reads, offered first. */
    static final String FIRST_EXAMPLE = "three hundred seventy one";

    /**
     * Everything the page draws for a sentence and a beam width; {@code
     * ended} is false when decoding stopped at its length limit before
     * {@code </s>}.
     */
    record Answer(String sentence, int beam, List<String> source,
            List<String> translation, boolean ended, List<Step> steps,
            List<Hypothesis> hypotheses, List<HeatMap> maps) {
    }

    /**
     * A step of the translation: the word chosen ({@code </s>} last), its
     * probability, and the most likely other words.
     */
    record Step(String word, double probability, List<Choice> alternatives) {
    }

    /** A word and its probability. */
    record Choice(String word, double probability) {
    }

    /**
     * A translation the beam kept: its words, as text, its score Σ log P
     * ({@code </s>} included), and the score per word that ranks it.
     */
    record Hypothesis(List<String> words, String text, double score,
            double normalised) {
        Hypothesis(List<String> words, double score, double normalised) {
            this(words, Tokens.join(words), score, normalised);
        }
    }

    /**
     * One attention map: its kind ("encoder self", "decoder self",
     * "cross"), layer and head, the attention command's title and labels,
     * and a row of weights per query.
     */
    record HeatMap(String kind, int layer, int head, String title,
            List<String> rows, List<String> cols, double[][] weights) {
    }

    private final Translator model;
    private final Task task;

    Explorer(Translator model, Task task) {
        this.model = model;
        this.task = task;
    }

    /**
     * The page's view of a sentence; the commands' error for a sentence
     * they refuse (empty, too long, an unknown word) or a beam width
     * outside 1 to {@link #MAX_BEAM}.
     */
    synchronized Answer answer(String sentence, int beam) {
        if (beam < 1 || beam > MAX_BEAM) {
            throw new IllegalArgumentException("the beam width must be 1 to "
                    + MAX_BEAM + ", got " + beam);
        }
        List<String> source = TranslateCommand.words(sentence);
        int[] ids = task.sourceVocabulary().encode(source);
        List<String> translation;
        List<Hypothesis> hypotheses = new ArrayList<>();
        if (beam == 1) {
            translation = BatchDecoding.translate(model, task, source);
        } else {
            for (BeamSearch.Hypothesis h : BeamSearch.hypotheses(model,
                    new int[][] {ids}, new int[] {ids.length}, beam,
                    BatchDecoding.maxLength(ids.length)).get(0)) {
                hypotheses.add(new Hypothesis(task.targetVocabulary()
                        .decode(h.ids()), h.score(), h.normalised()));
            }
            translation = hypotheses.get(0).words();
        }
        boolean ended = translation.size() < BatchDecoding.maxLength(
                ids.length);
        List<Step> steps = steps(source, translation);
        if (!ended) {  // no </s> was chosen: its step is not the model's
            steps.remove(steps.size() - 1);
        }
        if (beam == 1) {  // greedy's one hypothesis, scored as a beam's
            double score = 0;
            for (Step step : steps) {
                score += Math.log(step.probability());
            }
            hypotheses.add(new Hypothesis(translation, score,
                    score / Math.pow(steps.size(), BeamSearch.ALPHA)));
        }
        return new Answer(Tokens.join(source), beam, source, translation,
                ended, steps, hypotheses, maps(source, translation));
    }

    /**
     * Each word of the translation, then {@code </s>}, with the
     * probability the model gives it after the words before it, read from
     * one pass over the whole translation (the causal mask makes each
     * position's prediction the one decoding made).
     */
    private List<Step> steps(List<String> source, List<String> translation) {
        // log P (T+1, V) = log_softmax(logits), as beam search scores
        DMatrixRMaj logP = Ops.logSoftmax(BatchDecoding.teacherForced(model,
                task, source, translation)).value();
        Vocabulary words = task.targetVocabulary();
        List<String> predicted = AttentionCommand.predicted(translation);
        List<Step> steps = new ArrayList<>();
        for (int t = 0; t < predicted.size(); t++) {
            List<Choice> choices = new ArrayList<>();
            for (int v = 0; v < logP.numCols; v++) {
                choices.add(new Choice(words.token(v),
                        Math.exp(logP.get(t, v))));
            }
            String word = predicted.get(t);
            double p = Math.exp(logP.get(t, words.id(word)));
            choices.removeIf(c -> c.word().equals(word));
            choices.sort(Comparator.comparingDouble(Choice::probability)
                    .reversed());
            steps.add(new Step(word, p, List.copyOf(choices.subList(0,
                    Math.min(ALTERNATIVES, choices.size())))));
        }
        return steps;
    }

    /** Every map of the translation, as the attention command labels it. */
    private List<HeatMap> maps(List<String> source, List<String> translation) {
        List<String> inputs = AttentionCommand.inputs(translation);
        List<String> predicted = AttentionCommand.predicted(translation);
        List<HeatMap> maps = new ArrayList<>();
        for (AttentionMap map : model.attentionMaps(
                task.sourceVocabulary().encode(source),
                BatchDecoding.decoderInput(task, translation)).maps()) {
            AttentionCommand.Panel panel = AttentionCommand.panel(map, source,
                    inputs, predicted);
            String kind = switch (map.kind()) {
                case ENCODER_SELF -> "encoder self";
                case DECODER_SELF -> "decoder self";
                case CROSS -> "cross";
            };
            DMatrixRMaj w = map.weights();
            double[][] rows = new double[w.numRows][];
            for (int r = 0; r < w.numRows; r++) {
                rows[r] = new double[w.numCols];
                System.arraycopy(w.data, r * w.numCols, rows[r], 0,
                        w.numCols);
            }
            maps.add(new HeatMap(kind, map.layer(), map.head(), panel.title(),
                    panel.rows(), panel.cols(), rows));
        }
        return maps;
    }

    /** The beam widths the page offers: 1 (greedy) to {@link #MAX_BEAM}. */
    static List<Integer> beams() {
        List<Integer> beams = new ArrayList<>();
        for (int k = 1; k <= MAX_BEAM; k++) {
            beams.add(k);
        }
        return beams;
    }

    /**
     * Sentences to try: chapter 12's, then the first sentences of the
     * test split (numbers the model never trained on).
     */
    List<String> examples() {
        List<String> examples = new ArrayList<>();
        if (task.name().equals("numbers")) {
            examples.add(FIRST_EXAMPLE);
        }
        for (Pair pair : task.pairs(Split.TEST, EXAMPLES, 0)) {
            String sentence = Tokens.join(pair.source());
            if (!examples.contains(sentence)) {
                examples.add(sentence);
            }
        }
        return List.copyOf(examples.subList(0, Math.min(EXAMPLES,
                examples.size())));
    }
}
