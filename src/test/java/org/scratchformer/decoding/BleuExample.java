package org.scratchformer.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;
import org.scratchformer.translation.data.Tokens;

/**
 * The listings of chapter 12 about evaluation: BLEU worked through on
 * three translations ({@code decoding-bleu}) and the report of the wrong
 * ones ({@code decoding-report}).
 */
class BleuExample {
    static Prediction translation(String source, String expected,
            String got) {
        return new Prediction(Tokens.split(source), Tokens.split(expected),
                Tokens.split(got));
    }

    // tag::translations[]
    static final List<Prediction> TRANSLATIONS = List.of(
            translation("eighty one thousand", "quatre-vingt-un mille",
                    "quatre-vingt-un mille"),
            translation("two hundred eighty", "deux cent quatre-vingts",
                    "deux cent"),
            translation("seventy one", "soixante et onze",
                    "soixante-onze"));
    // end::translations[]

    @Test
    void bleuByHand() {
        List<List<String>> got = TRANSLATIONS.stream()
                .map(Prediction::got).toList();
        List<List<String>> expected = TRANSLATIONS.stream()
                .map(Prediction::expected).toList();
        // tag::bleu[]
        Bleu bleu = Bleu.corpus(got, expected);
        // end::bleu[]
        StringBuilder text = new StringBuilder();
        for (Prediction t : TRANSLATIONS) {
            text.append(String.format(Locale.ROOT, "got %-23s expected %s%n",
                    String.join(" ", t.got()), String.join(" ",
                    t.expected())));
        }
        text.append('\n');
        for (int n = 1; n <= Bleu.MAX_ORDER; n++) {
            text.append(String.format(Locale.ROOT,
                    "p%d = %2d / %2d = %.3f%n", n, bleu.matches(n),
                    bleu.totals(n), bleu.precision(n)));
        }
        text.append(String.format(Locale.ROOT, "c = %d, r = %d: BP ="
                + " exp(1 − %d/%d) = %.3f%n", bleu.candidateLength(),
                bleu.referenceLength(), bleu.referenceLength(),
                bleu.candidateLength(), bleu.brevityPenalty()));
        text.append(String.format(Locale.ROOT, "BLEU = BP · (p1·p2·p3·p4)^¼"
                + " = %.4f%n%s%n", bleu.score(), bleu));
        Listings.write("decoding-bleu", text.toString());
        // p1 = 10/11: every token but the hyphen of soixante-onze
        assertEquals(10, bleu.matches(1));
        assertEquals(11, bleu.candidateLength());
        assertEquals(14, bleu.referenceLength());
        assertEquals(Math.exp(1 - 14.0 / 11) * Math.pow(10.0 / 11 * 6 / 8
                * 4 / 5 * 3 / 3, 0.25), bleu.score(), 1e-15);
    }

    @Test
    void report() {
        // tag::report[]
        Evaluation evaluation = Evaluation.of(TRANSLATIONS);
        String report = evaluation.report(10);
        // end::report[]
        Listings.write("decoding-report", report);
        assertEquals(1, evaluation.correct());
    }
}
