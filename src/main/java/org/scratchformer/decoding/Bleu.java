package org.scratchformer.decoding;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus BLEU (Papineni et al., 2002), with one reference per sentence,
 * over the task's tokens (a French hyphen is a token):
 *
 * <pre>
 * p_n  = Σ_sentences Σ_n-grams min(count in candidate, count in reference)
 *        ÷ Σ_sentences (number of n-grams in the candidate)    n = 1 .. 4
 * BP   = 1 if c &gt; r, else exp(1 − r / c)    c, r: total candidate and
 *                                           reference lengths
 * BLEU = BP · exp(¼ Σ_n log p_n)
 * </pre>
 *
 * <p>The counts are summed over the whole corpus before dividing, as
 * Papineni defines it and sacrebleu computes it: corpus BLEU is not the
 * average of sentence scores. Clipping by the reference count stops a
 * candidate from scoring by repeating a right word.
 *
 * <p>No smoothing: when some p_n is 0 (no n-gram of that order matches
 * anywhere in the corpus, or the candidates have none), the geometric mean
 * is 0 and so is BLEU; an empty corpus of candidates (c = 0) scores 0 too.
 * This is sacrebleu's {@code smooth_method='none'}; its default,
 * {@code 'exp'}, gives a small positive score instead.
 */
public final class Bleu {
    /** The longest n-gram counted. */
    public static final int MAX_ORDER = 4;

    private final long[] matches = new long[MAX_ORDER];
    private final long[] totals = new long[MAX_ORDER];
    private long candidateLength;
    private long referenceLength;

    private Bleu() {
    }

    // tag::corpus[]
    /** Corpus BLEU of {@code candidates} against their references. */
    public static Bleu corpus(List<List<String>> candidates,
            List<List<String>> references) {
        if (candidates.size() != references.size()) {
            throw new IllegalArgumentException("BLEU needs one reference per"
                    + " candidate; got " + candidates.size()
                    + " candidates and " + references.size()
                    + " references");
        }
        Bleu bleu = new Bleu();
        for (int s = 0; s < candidates.size(); s++) {
            List<String> candidate = candidates.get(s);
            List<String> reference = references.get(s);
            bleu.candidateLength += candidate.size();   // c
            bleu.referenceLength += reference.size();   // r
            for (int n = 1; n <= MAX_ORDER; n++) {
                Map<List<String>, Integer> inReference = ngrams(reference, n);
                for (Map.Entry<List<String>, Integer> e
                        : ngrams(candidate, n).entrySet()) {
                    // clipped: at most as often as in the reference
                    bleu.matches[n - 1] += Math.min(e.getValue(),
                            inReference.getOrDefault(e.getKey(), 0));
                }
                bleu.totals[n - 1] += Math.max(0, candidate.size() - n + 1);
            }
        }
        return bleu;
    }
    // end::corpus[]

    /** Each n-gram of {@code words} with how often it occurs. */
    static Map<List<String>, Integer> ngrams(List<String> words, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(words.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }

    // tag::score[]
    /** BLEU from 0 to 1; 0 if any p_n is 0 (no smoothing). */
    public double score() {
        double logSum = 0;
        for (int n = 1; n <= MAX_ORDER; n++) {
            double p = precision(n);
            if (p == 0) {
                return 0;  // log 0: the geometric mean is 0
            }
            logSum += Math.log(p);
        }
        return brevityPenalty() * Math.exp(logSum / MAX_ORDER);
    }

    /** BP = 1 if c &gt; r, else exp(1 − r/c); 0 when c = 0. */
    public double brevityPenalty() {
        if (candidateLength > referenceLength) {
            return 1;
        }
        if (candidateLength == 0) {
            return 0;
        }
        return Math.exp(1 - (double) referenceLength / candidateLength);
    }
    // end::score[]

    /** p_n, the clipped n-gram precision; 0 when there are no n-grams. */
    public double precision(int n) {
        if (n < 1 || n > MAX_ORDER) {
            throw new IllegalArgumentException("BLEU counts n-grams of order"
                    + " 1 to " + MAX_ORDER + ", got " + n);
        }
        long total = totals[n - 1];
        return total == 0 ? 0 : (double) matches[n - 1] / total;
    }

    /** Clipped matches of order n, summed over the corpus. */
    public long matches(int n) {
        precision(n);  // checks n
        return matches[n - 1];
    }

    /** n-grams of order n in the candidates, summed over the corpus. */
    public long totals(int n) {
        precision(n);
        return totals[n - 1];
    }

    /** c, the candidates' total length in tokens. */
    public long candidateLength() {
        return candidateLength;
    }

    /** r, the references' total length in tokens. */
    public long referenceLength() {
        return referenceLength;
    }

    /** As sacrebleu prints it: BLEU and p_n in percent, BP, c, r. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "BLEU = %.2f ", 100 * score()));
        for (int n = 1; n <= MAX_ORDER; n++) {
            text.append(String.format(Locale.ROOT, n == 1 ? "%.1f" : "/%.1f",
                    100 * precision(n)));
        }
        double ratio = referenceLength == 0 ? 0
                : (double) candidateLength / referenceLength;
        return text.append(String.format(Locale.ROOT, " (BP = %.3f ratio ="
                + " %.3f hyp_len = %d ref_len = %d)", brevityPenalty(), ratio,
                candidateLength, referenceLength)).toString();
    }
}
