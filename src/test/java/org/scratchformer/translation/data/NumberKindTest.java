package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of number, defined by arithmetic on the number, agrees with
 * the kind read another way: the shapes off the digits, the French rules
 * off the French words the generator writes.
 */
class NumberKindTest {

    /** The tokens of n's French, hyphens included. */
    static List<String> french(int n) {
        return FrenchNumbers.words(n);
    }

    /** Whether token a is directly followed by b somewhere. */
    static boolean follows(List<String> tokens, String a, Set<String> b) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equals(a) && b.contains(tokens.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    static Stream<Arguments> kindsReadAnotherWay() {
        Set<String> afterSoixante = Set.of("dix", "onze", "douze", "treize",
                "quatorze", "quinze", "seize");
        return Stream.of(
            Arguments.of(NumberKind.BELOW_100, (IntPredicate) n ->
                    String.valueOf(n).length() <= 2),
            Arguments.of(NumberKind.HUNDREDS, (IntPredicate) n ->
                    String.valueOf(n).length() == 3),
            Arguments.of(NumberKind.THOUSANDS, (IntPredicate) n ->
                    String.valueOf(n).length() == 4),
            Arguments.of(NumberKind.TENS_OF_THOUSANDS, (IntPredicate) n ->
                    String.valueOf(n).length() == 5),
            Arguments.of(NumberKind.SIX_DIGITS, (IntPredicate) n ->
                    String.valueOf(n).length() == 6),
            Arguments.of(NumberKind.ROUND_HUNDREDS, (IntPredicate) n ->
                    String.valueOf(n).endsWith("00")
                    && !String.valueOf(n).endsWith("000")),
            Arguments.of(NumberKind.ROUND_THOUSANDS, (IntPredicate) n ->
                    n > 0 && String.valueOf(n).endsWith("000")),
            Arguments.of(NumberKind.THOUSANDS_AND_SMALL, (IntPredicate) n ->
                    EnglishNumbers.text(n).contains("thousand ")
                    && !EnglishNumbers.text(n).split("thousand ")[1]
                            .contains("hundred")),
            Arguments.of(NumberKind.ET, (IntPredicate) n ->
                    french(n).contains("et")),
            Arguments.of(NumberKind.SOIXANTE_DIX, (IntPredicate) n ->
                    sequence(french(n), "soixante", "et", Set.of("onze"))
                    || sequence(french(n), "soixante", "-", afterSoixante)),
            Arguments.of(NumberKind.QUATRE_VINGT, (IntPredicate) n ->
                    sequence(french(n), "quatre", "-",
                            Set.of("vingt", "vingts"))),
            Arguments.of(NumberKind.QUATRE_VINGTS, (IntPredicate) n ->
                    french(n).contains("vingts")),
            Arguments.of(NumberKind.QUATRE_VINGT_MILLE, (IntPredicate) n ->
                    String.join(" ", french(n)).contains(
                            "quatre - vingt mille")),
            Arguments.of(NumberKind.CENTS, (IntPredicate) n ->
                    french(n).contains("cents")),
            Arguments.of(NumberKind.CENT_MILLE, (IntPredicate) n ->
                    follows(french(n), "cent", Set.of("mille"))
                    && french(n).indexOf("cent") > 0),
            Arguments.of(NumberKind.MILLE, (IntPredicate) n ->
                    french(n).get(0).equals("mille")));
    }

    /** Whether {@code a b c} occurs, c one of {@code last}. */
    static boolean sequence(List<String> tokens, String a, String b,
            Set<String> last) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).equals(a) && tokens.get(i + 1).equals(b)
                    && last.contains(tokens.get(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Every number below 10,000, and 20,000 more at random. */
    static List<Integer> numbers() {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            numbers.add(n);
        }
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            numbers.add(random.nextInt(EnglishNumbers.MAX + 1));
        }
        // round forms the random ones would rarely give
        for (int t = 1; t < 1000; t++) {
            numbers.add(1000 * t);
            numbers.add(1000 * t + 80);
            numbers.add(1000 * t + 200);
            numbers.add(1000 * t + 71);
        }
        return numbers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsReadAnotherWay")
    void theKindAgreesWithTheWords(NumberKind kind, IntPredicate words) {
        int members = 0;
        for (int n : numbers()) {
            assertEquals(words.test(n), kind.contains(n), kind.label()
                    + ": " + n + " " + FrenchNumbers.text(n));
            if (kind.contains(n)) {
                members++;
                assertTrue(n >= kind.from() && n <= kind.to(), "" + n);
            }
        }
        assertTrue(members >= 12, kind.label() + ": " + members);
    }
}
