package org.scratchformer.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BleuTest {
    static List<String> words(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(" "));
    }

    static Bleu bleu(String candidate, String reference) {
        return Bleu.corpus(List.of(words(candidate)),
                List.of(words(reference)));
    }

    @Test
    void aPerfectTranslationScoresOne() {
        Bleu bleu = bleu("trois cent soixante et onze",
                "trois cent soixante et onze");
        assertEquals(1.0, bleu.score(), 1e-15);
        assertEquals(1.0, bleu.brevityPenalty());
    }

    @Test
    void aShortCandidateByHand() {
        // candidate a b c d e f (c = 6), reference a b c d e g h (r = 7)
        // p1 = 5/6 (a..e), p2 = 4/5 (ab bc cd de), p3 = 3/4, p4 = 2/3
        // mean = (5/6 · 4/5 · 3/4 · 2/3)^¼ = (1/3)^¼ = 0.759836
        // BP = exp(1 − 7/6) = 0.846482;  BLEU = 0.643187
        Bleu bleu = bleu("a b c d e f", "a b c d e g h");
        assertEquals(5.0 / 6, bleu.precision(1), 1e-15);
        assertEquals(4.0 / 5, bleu.precision(2), 1e-15);
        assertEquals(3.0 / 4, bleu.precision(3), 1e-15);
        assertEquals(2.0 / 3, bleu.precision(4), 1e-15);
        assertEquals(Math.exp(-1.0 / 6), bleu.brevityPenalty(), 1e-15);
        assertEquals(0.6431870, bleu.score(), 1e-7);
        assertEquals("BLEU = 64.32 83.3/80.0/75.0/66.7 (BP = 0.846 ratio ="
                + " 0.857 hyp_len = 6 ref_len = 7)", bleu.toString());
    }

    @Test
    void aLongerCandidateHasNoBrevityPenalty() {
        // c = 5 > r = 4: BP = 1; p = 4/5, 3/4, 2/3, 1/2 → (1/5)^¼
        Bleu bleu = bleu("a b c d e", "a b c d");
        assertEquals(1.0, bleu.brevityPenalty());
        assertEquals(Math.pow(0.2, 0.25), bleu.score(), 1e-15);
    }

    @Test
    void countsAreClippedByTheReference() {
        // Papineni's example: "the" seven times against a reference with
        // two: p1 = 2/7, not 7/7, and no bigram matches, so BLEU is 0
        Bleu bleu = bleu("the the the the the the the",
                "the cat is on the mat");
        assertEquals(2, bleu.matches(1));
        assertEquals(7, bleu.totals(1));
        assertEquals(0, bleu.matches(2));
        assertEquals(0.0, bleu.score());
    }

    @Test
    void zeroMatchesScoreZeroWithoutSmoothing() {
        assertEquals(0.0, bleu("x y z w", "a b c d").score());
        // a candidate shorter than 4 words has no 4-grams: p4 = 0/0 → 0
        Bleu three = bleu("a b c", "a b c");
        assertEquals(0, three.totals(4));
        assertEquals(0.0, three.precision(4));
        assertEquals(0.0, three.score());
        // empty candidates: c = 0
        Bleu empty = bleu("", "a b c d");
        assertEquals(0.0, empty.brevityPenalty());
        assertEquals(0.0, empty.score());
    }

    @Test
    void theCorpusSumsCountsBeforeDividing() {
        // sentence 1, a b c d = a b c d: matches 4, 3, 2, 1 of 4, 3, 2, 1
        // sentence 2, x y for x z:       matches 1, 0 of 2, 1 (no 3-, 4-grams)
        // corpus: p = 5/6, 3/4, 2/2, 1/1; c = r = 6 → (5/6 · 3/4)^¼
        // sentence 2 alone scores 0: corpus BLEU is no average of those
        Bleu bleu = Bleu.corpus(List.of(words("a b c d"), words("x y")),
                List.of(words("a b c d"), words("x z")));
        assertEquals(Math.pow(5.0 / 6 * 3.0 / 4, 0.25), bleu.score(), 1e-15);
        assertEquals(0.0, bleu("x y", "x z").score());
        assertEquals(6, bleu.candidateLength());
        assertEquals(6, bleu.referenceLength());
    }

    @Test
    void badInputIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Bleu.corpus(
                        List.of(words("a")), List.of()));
        assertEquals("BLEU needs one reference per candidate; got 1"
                + " candidates and 0 references", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> bleu("a", "a").precision(5));
        assertEquals("BLEU counts n-grams of order 1 to 4, got 5",
                e.getMessage());
    }
}
