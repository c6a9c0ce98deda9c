package org.scratchformer.decoding;

import java.util.List;
import java.util.Locale;
import org.scratchformer.translation.data.Tokens;

/**
 * The scores of a set of translations: exact match (the share translated
 * exactly, every token and hyphen right), corpus BLEU, and the list of the
 * wrong ones.
 */
public final class Evaluation {
    private final List<Prediction> translations;
    private final List<Prediction> errors;
    private final Bleu bleu;

    private Evaluation(List<Prediction> translations) {
        this.translations = List.copyOf(translations);
        this.errors = translations.stream().filter(t -> !t.correct())
                .toList();
        this.bleu = Bleu.corpus(
                translations.stream().map(Prediction::got).toList(),
                translations.stream().map(Prediction::expected).toList());
    }

    /** Scores {@code translations}; there must be at least one. */
    public static Evaluation of(List<Prediction> translations) {
        if (translations.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no"
                    + " translations");
        }
        return new Evaluation(translations);
    }

    public int count() {
        return translations.size();
    }

    /** How many are exactly right. */
    public int correct() {
        return count() - errors.size();
    }

    /** The share exactly right, 0 to 1. */
    public double exactMatch() {
        return (double) correct() / count();
    }

    public Bleu bleu() {
        return bleu;
    }

    /** Every translation, in its order. */
    public List<Prediction> translations() {
        return translations;
    }

    /** The wrong translations, in their order. */
    public List<Prediction> errors() {
        return errors;
    }

    // tag::report[]
    /** Both scores, then up to {@code maxErrors} wrong translations. */
    public String report(int maxErrors) {
        if (maxErrors < 0) {
            throw new IllegalArgumentException("the number of wrong"
                    + " translations to list must be at least 0, got "
                    + maxErrors);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "exact match: %d / %d = %s%n%s%n", correct(), count(),
                Breakdown.percent(correct(), count()), bleu));
        if (errors.isEmpty()) {
            return text.append("no wrong translations\n").toString();
        }
        text.append(String.format(Locale.ROOT, "%d wrong translation%s%s:%n",
                errors.size(), errors.size() == 1 ? "" : "s",
                errors.size() > maxErrors ? ", the first " + maxErrors : ""));
        for (Prediction t : errors.subList(0, Math.min(maxErrors,
                errors.size()))) {
            text.append("  source:   ").append(Tokens.join(t.source()))
                    .append("\n  expected: ").append(Tokens.join(t.expected()))
                    .append("\n  got:      ").append(Tokens.join(t.got()))
                    .append("\n");
        }
        return text.toString();
    }
    // end::report[]
}
