package org.scratchformer.exercises.ch12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BleuPartsTest {
    static List<String> words(String text) {
        return List.of(text.split(" "));
    }

    @Test
    void countsAreClippedByTheReference() {
        // "the" 7 times, twice in the reference: 2 matches, not 7
        assertEquals(2, BleuParts.clippedMatches(
                words("the the the the the the the"),
                words("the cat is on the mat"), 1));
    }

    @Test
    void matchesOfEachOrder() {
        List<String> candidate = words("deux cent quatre - vingt mille");
        List<String> reference = words("deux cent quatre - vingts mille");
        assertEquals(5, BleuParts.clippedMatches(candidate, reference, 1));
        assertEquals(3, BleuParts.clippedMatches(candidate, reference, 2));
        assertEquals(2, BleuParts.clippedMatches(candidate, reference, 3));
        assertEquals(1, BleuParts.clippedMatches(candidate, reference, 4));
    }

    @Test
    void aCandidateShorterThanNHasNoMatches() {
        assertEquals(0, BleuParts.clippedMatches(words("vingt et"),
                words("vingt et un"), 3));
    }

    @Test
    void orderMattersAboveUnigrams() {
        List<String> candidate = words("mille deux");
        List<String> reference = words("deux mille");
        assertEquals(2, BleuParts.clippedMatches(candidate, reference, 1));
        assertEquals(0, BleuParts.clippedMatches(candidate, reference, 2));
    }

    @Test
    void brevityPenaltyByHand() {
        assertEquals(Math.exp(1 - 14.0 / 11), BleuParts.brevityPenalty(11,
                14), 1e-15);
        assertEquals(Math.exp(-1), BleuParts.brevityPenalty(5, 10), 1e-15);
    }

    @Test
    void noPenaltyWhenTheCandidatesAreAsLongOrLonger() {
        assertEquals(1.0, BleuParts.brevityPenalty(14, 14), 1e-15);
        assertEquals(1.0, BleuParts.brevityPenalty(20, 14));
    }

    @Test
    void thePenaltyFallsAsTheCandidatesShrink() {
        double before = 1;
        for (long c = 14; c >= 1; c--) {
            double bp = BleuParts.brevityPenalty(c, 14);
            assertTrue(bp <= before && bp > 0, "c = " + c + ": " + bp);
            before = bp;
        }
        assertEquals(0.0, BleuParts.brevityPenalty(0, 14));
    }
}
