package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishNumbersTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | zero", "7 | seven", "13 | thirteen", "19 | nineteen",
        "20 | twenty", "21 | twenty one", "40 | forty", "71 | seventy one",
        "99 | ninety nine", "100 | one hundred", "101 | one hundred one",
        "371 | three hundred seventy one", "1000 | one thousand",
        "1001 | one thousand one", "2000 | two thousand",
        "21500 | twenty one thousand five hundred",
        "80000 | eighty thousand", "100000 | one hundred thousand",
        "200001 | two hundred thousand one",
        "999999 | nine hundred ninety nine thousand nine hundred ninety"
                + " nine"})
    void spellsWithoutAndOrHyphens(int n, String expected) {
        assertEquals(expected, EnglishNumbers.text(n));
    }

    @Test
    void everyNumberHasItsOwnSpellingFromTheVocabulary() {
        Set<String> vocabulary = new HashSet<>(EnglishNumbers.vocabulary());
        Set<List<String>> seen = new HashSet<>();
        for (int n : FrenchNumbersTest.someNumbers()) {
            List<String> words = EnglishNumbers.words(n);
            assertTrue(vocabulary.containsAll(words), n + ": " + words);
            assertTrue(seen.add(words), "" + n);
        }
        assertEquals(30, vocabulary.size());
    }

    @Test
    void valueReadsBackEveryNumber() {
        for (int n : NumberKindTest.numbers()) {
            assertEquals(n, EnglishNumbers.value(EnglishNumbers.words(n)));
        }
        assertEquals(999_999, EnglishNumbers.value(EnglishNumbers.words(
                999_999)));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "one one", "thousand", "twenty ten",
        "one hundred thousand thousand", "seventy one hundred", "a b",
        "one thousand thousand", "zero one"})
    void valueRefusesWhatIsNotASpelling(String text) {
        List<String> words = text.isEmpty() ? List.of()
                : List.of(text.split(" "));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> EnglishNumbers.value(words));
        assertEquals("'" + text + "' is not a number as the numbers task"
                + " spells it", e.getMessage());
    }

    @Test
    void outOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> EnglishNumbers.words(1_000_000));
        assertThrows(IllegalArgumentException.class,
                () -> EnglishNumbers.words(-5));
    }
}
