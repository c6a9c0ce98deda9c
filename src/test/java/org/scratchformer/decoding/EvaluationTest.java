package org.scratchformer.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchformer.translation.data.Tokens;

class EvaluationTest {
    static Prediction translation(String source, String expected,
            String got) {
        return new Prediction(Tokens.split(source), Tokens.split(expected),
                Tokens.split(got));
    }

    final List<Prediction> translations = List.of(
            translation("seventy one", "soixante et onze",
                    "soixante et onze"),
            translation("eighty one", "quatre-vingt-un",
                    "quatre-vingt et un"),
            translation("two hundred", "deux cents", "deux cents"),
            translation("eighty thousand", "quatre-vingt mille",
                    "quatre-vingts mille"));

    @Test
    void exactMatchCountsEveryTokenAndHyphen() {
        Evaluation evaluation = Evaluation.of(translations);
        assertEquals(4, evaluation.count());
        assertEquals(2, evaluation.correct());
        assertEquals(0.5, evaluation.exactMatch());
        assertEquals(List.of(translations.get(1), translations.get(3)),
                evaluation.errors());
    }

    @Test
    void theReportListsTheWrongTranslations() {
        String report = Evaluation.of(translations).report(1);
        String expected = "exact match: 2 / 4 = 50.00%\n"
                + Evaluation.of(translations).bleu() + "\n"
                + "2 wrong translations, the first 1:\n"
                + "  source:   eighty one\n"
                + "  expected: quatre-vingt-un\n"
                + "  got:      quatre-vingt et un\n";
        assertEquals(expected, report.replace("\r\n", "\n"));
        String all = Evaluation.of(translations.subList(0, 1)).report(5);
        assertEquals("exact match: 1 / 1 = 100.00%\n"
                + "BLEU = 0.00 100.0/100.0/100.0/0.0 (BP = 1.000 ratio ="
                + " 1.000 hyp_len = 3 ref_len = 3)\n"
                + "no wrong translations\n", all.replace("\r\n", "\n"));
    }

    @Test
    void theReportSaysTheFirstOnlyWhenItLeavesSomeOut() {
        String zero = Evaluation.of(translations).report(0);
        assertTrue(zero.endsWith("2 wrong translations, the first 0:\n"),
                zero);
        String both = Evaluation.of(translations).report(2);
        assertTrue(both.contains("2 wrong translations:\n"), both);
        assertTrue(both.endsWith("got:      quatre-vingts mille\n"), both);
    }

    @Test
    void badInputIsRefused() {
        assertEquals("nothing to evaluate: no translations",
                assertThrows(IllegalArgumentException.class,
                        () -> Evaluation.of(List.of())).getMessage());
        assertEquals("the number of wrong translations to list must be at"
                + " least 0, got -1", assertThrows(
                        IllegalArgumentException.class,
                        () -> Evaluation.of(translations).report(-1))
                        .getMessage());
    }
}
