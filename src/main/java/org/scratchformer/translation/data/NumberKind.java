package org.scratchformer.translation.data;

import java.util.function.IntPredicate;

/**
 * The kinds of number the numbers task is judged by: its shapes (how many
 * digits, round or not) and the French rules of {@link FrenchNumbers},
 * each the set of numbers whose French uses the rule. A number belongs to
 * every kind that describes it: 80,000 is a round thousand, has five
 * digits, and is written with {@code quatre-vingt mille}.
 *
 * <p>The rules are read off the two parts of a number, its thousands
 * {@code t = n / 1000} and its rest {@code r = n % 1000}, each spelled
 * below 1,000; a rule that depends on a number's last two digits holds
 * when either part has them.
 */
public enum NumberKind {
    // tag::kinds[]
    BELOW_100("below 100", 0, 99, n -> true),
    HUNDREDS("100 to 999", 100, 999, n -> true),
    THOUSANDS("1,000 to 9,999", 1000, 9999, n -> true),
    TENS_OF_THOUSANDS("10,000 to 99,999", 10_000, 99_999, n -> true),
    SIX_DIGITS("100,000 to 999,999", 100_000, 999_999, n -> true),
    ROUND_HUNDREDS("round hundreds: 200, 4,300", 100, 999_900,
            n -> n % 100 == 0 && n % 1000 != 0),
    ROUND_THOUSANDS("round thousands: 2,000, 80,000", 1000, 999_000,
            n -> n % 1000 == 0),
    THOUSANDS_AND_SMALL("thousands + 1 to 99: 1,071", 1001, 999_099,
            n -> n % 1000 >= 1 && n % 1000 <= 99),
    ET("et un, et onze: 21, 71,000", 21, 999_999,
            n -> eitherPart(n, p -> p % 10 == 1 && p / 10 % 10 >= 2
                    && p / 10 % 10 <= 7)),
    SOIXANTE_DIX("70 to 79: soixante-dix", 70, 999_999,
            n -> eitherPart(n, p -> p % 100 >= 70 && p % 100 <= 79)),
    QUATRE_VINGT("80 to 99: quatre-vingt", 80, 999_999,
            n -> eitherPart(n, p -> p % 100 >= 80)),
    QUATRE_VINGTS("quatre-vingts, s kept: 280", 80, 999_980,
            n -> n % 100 == 80),
    QUATRE_VINGT_MILLE("quatre-vingt mille, no s", 80_000, 999_999,
            n -> n / 1000 % 100 == 80),
    CENTS("cents, s kept: 200, 5,300", 200, 999_900,
            n -> n % 100 == 0 && n % 1000 >= 200),
    CENT_MILLE("cent mille, no s: 200,000", 200_000, 999_999,
            n -> n / 1000 % 100 == 0 && n / 1000 >= 200),
    MILLE("mille alone: 1,000 to 1,999", 1000, 1999, n -> true);
    // end::kinds[]

    private final String label;
    private final int from;
    private final int to;
    private final IntPredicate rule;

    NumberKind(String label, int from, int to, IntPredicate rule) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.rule = rule;
    }

    /** The kind in words, as the tables print it. */
    public String label() {
        return label;
    }

    /** The smallest number of the kind. */
    public int from() {
        return from;
    }

    /** The largest number of the kind. */
    public int to() {
        return to;
    }

    /** Whether {@code n} is of this kind. */
    public boolean contains(int n) {
        return n >= from && n <= to && rule.test(n);
    }

    /** Whether the thousands (if any) or the rest (if any) passes. */
    private static boolean eitherPart(int n, IntPredicate part) {
        int thousands = n / 1000;
        int rest = n % 1000;
        return thousands > 0 && part.test(thousands)
                || rest > 0 && part.test(rest);
    }
}
