package org.scratchformer.translation.data;

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

class FrenchNumbersTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        // units, and 17-19 built on dix
        "0 | zéro", "1 | un", "10 | dix", "11 | onze", "16 | seize",
        "17 | dix-sept", "18 | dix-huit", "19 | dix-neuf",
        // tens: "et un" for 21 ... 61, a hyphen otherwise
        "20 | vingt", "21 | vingt et un", "22 | vingt-deux",
        "29 | vingt-neuf", "30 | trente", "31 | trente et un",
        "41 | quarante et un", "51 | cinquante et un",
        "60 | soixante", "61 | soixante et un", "62 | soixante-deux",
        // 70-79 count on from sixty; 71 takes "et"
        "70 | soixante-dix", "71 | soixante et onze",
        "72 | soixante-douze", "76 | soixante-seize",
        "77 | soixante-dix-sept", "79 | soixante-dix-neuf",
        // 80 takes an s, 81 ... 99 do not, and never "et"
        "80 | quatre-vingts", "81 | quatre-vingt-un",
        "89 | quatre-vingt-neuf", "90 | quatre-vingt-dix",
        "91 | quatre-vingt-onze", "97 | quatre-vingt-dix-sept",
        "99 | quatre-vingt-dix-neuf",
        // cent: an s only when multiplied and last
        "100 | cent", "101 | cent un", "121 | cent vingt et un",
        "171 | cent soixante et onze", "180 | cent quatre-vingts",
        "200 | deux cents", "201 | deux cent un",
        "280 | deux cent quatre-vingts", "281 | deux cent quatre-vingt-un",
        "371 | trois cent soixante et onze", "900 | neuf cents",
        // mille: invariable, and one thousand is just "mille"
        "1000 | mille", "1001 | mille un", "1080 | mille quatre-vingts",
        "1100 | mille cent", "1200 | mille deux cents",
        "2000 | deux mille", "21000 | vingt et un mille",
        "71000 | soixante et onze mille",
        // quatre-vingts and cents lose their s before mille
        "80000 | quatre-vingt mille", "81000 | quatre-vingt-un mille",
        "80080 | quatre-vingt mille quatre-vingts",
        "100000 | cent mille", "101000 | cent un mille",
        "200000 | deux cent mille", "200001 | deux cent mille un",
        "200200 | deux cent mille deux cents",
        "280000 | deux cent quatre-vingt mille",
        "999999 | neuf cent quatre-vingt-dix-neuf mille neuf cent"
                + " quatre-vingt-dix-neuf"})
    void spellsTheTraditionalForm(int n, String expected) {
        assertEquals(expected, FrenchNumbers.text(n));
    }

    @Test
    void aHyphenIsATokenOfItsOwn() {
        assertEquals(List.of("quatre", "-", "vingt", "-", "un"),
                FrenchNumbers.words(81));
        assertEquals(List.of("soixante", "et", "onze"),
                FrenchNumbers.words(71));
        assertEquals(List.of("deux", "cent", "mille", "soixante", "-", "dix",
                "-", "sept"), FrenchNumbers.words(200_077));
    }

    @Test
    void everyNumberUsesOnlyTheVocabularyAndSplitsBackToItsTokens() {
        Set<String> vocabulary = new HashSet<>(FrenchNumbers.vocabulary());
        Set<String> used = new HashSet<>();
        for (int n : someNumbers()) {
            List<String> words = FrenchNumbers.words(n);
            used.addAll(words);
            assertEquals(words, Tokens.split(Tokens.join(words)), "" + n);
        }
        assertEquals(vocabulary, used, "every word is used, no other");
    }

    @Test
    void noTwoNumbersShareASpelling() {
        Set<List<String>> seen = new HashSet<>();
        for (int n : someNumbers()) {
            assertTrue(seen.add(FrenchNumbers.words(n)), "" + n);
        }
    }

    @Test
    void theSOfCentsAndVingtsIsOnlyEverLast() {
        for (int n : someNumbers()) {
            List<String> words = FrenchNumbers.words(n);
            for (int i = 0; i < words.size() - 1; i++) {
                assertFalse(words.get(i).equals("cents")
                        || words.get(i).equals("vingts"), n + ": " + words);
            }
        }
    }

    /** 0 to 2,999, then 1,000 numbers spread up to 999,003. */
    static int[] someNumbers() {
        int[] numbers = new int[4000];
        for (int i = 0; i < 3000; i++) {
            numbers[i] = i;
        }
        for (int k = 0; k < 1000; k++) {
            numbers[3000 + k] = 3000 + k * 997;
        }
        return numbers;
    }

    @Test
    void outOfRangeIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FrenchNumbers.words(1_000_000));
        assertEquals("the numbers task spells 0 to 999,999; got 1000000",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FrenchNumbers.words(-1));
    }
}
