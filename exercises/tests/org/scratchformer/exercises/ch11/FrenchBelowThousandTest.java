package org.scratchformer.exercises.ch11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchBelowThousandTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "1 | un", "16 | seize", "17 | dix - sept", "19 | dix - neuf",
        "20 | vingt", "21 | vingt et un", "22 | vingt - deux",
        "61 | soixante et un", "70 | soixante - dix",
        "71 | soixante et onze", "72 | soixante - douze",
        "77 | soixante - dix - sept", "80 | quatre - vingts",
        "81 | quatre - vingt - un", "90 | quatre - vingt - dix",
        "91 | quatre - vingt - onze", "99 | quatre - vingt - dix - neuf",
        "100 | cent", "101 | cent un", "180 | cent quatre - vingts",
        "200 | deux cents", "201 | deux cent un",
        "280 | deux cent quatre - vingts",
        "371 | trois cent soixante et onze",
        "999 | neuf cent quatre - vingt - dix - neuf"})
    void knownSpellings(int n, String tokens) {
        assertEquals(List.of(tokens.split(" ")), FrenchBelowThousand.words(n));
    }

    @Test
    void everyNumberHasItsOwnSpelling() {
        Set<List<String>> seen = new HashSet<>();
        for (int n = 1; n <= 999; n++) {
            assertTrue(seen.add(FrenchBelowThousand.words(n)), "" + n);
        }
    }

    @Test
    void onlyTheLastWordMayBeCentsOrVingts() {
        for (int n = 1; n <= 999; n++) {
            List<String> words = FrenchBelowThousand.words(n);
            for (String word : words.subList(0, words.size() - 1)) {
                assertFalse(word.equals("cents") || word.equals("vingts"),
                        n + ": " + words);
            }
        }
    }

    @Test
    void aHyphenIsAlwaysBetweenTwoWords() {
        for (int n = 1; n <= 999; n++) {
            List<String> words = FrenchBelowThousand.words(n);
            assertFalse(words.get(0).equals("-")
                    || words.get(words.size() - 1).equals("-"), n + ": "
                    + words);
            for (String word : words) {
                assertFalse(word.length() > 1 && word.contains("-"),
                        n + ": a hyphen is a token of its own: " + words);
            }
        }
    }

    @Test
    void outsideOneToNineHundredNinetyNineIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FrenchBelowThousand.words(0));
        assertThrows(IllegalArgumentException.class,
                () -> FrenchBelowThousand.words(1000));
    }
}
