package org.scratchformer.translation.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * English number words, 0 to 999,999, one word a token: 371 is
 * {@code three hundred seventy one}, 21,500 is
 * {@code twenty one thousand five hundred}.
 *
 * <p>The form is American and kept plain on purpose: no "and"
 * ({@code one hundred one}), no hyphen ({@code twenty one}), and always
 * {@code one hundred}, {@code one thousand}, never "a hundred". Every number
 * then has exactly one spelling, and the source side has no punctuation.
 */
public final class EnglishNumbers {
    /** The largest number the task spells. */
    public static final int MAX = 999_999;

    static final String[] UNITS = {"zero", "one", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"};
    static final String[] TENS = {null, null, "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety"};

    private EnglishNumbers() {
    }

    /** The words for {@code n}, 0 ≤ n ≤ 999,999. */
    public static List<String> words(int n) {
        checkRange(n);
        List<String> words = new ArrayList<>();
        if (n == 0) {
            words.add("zero");
            return words;
        }
        int thousands = n / 1000;
        int rest = n % 1000;
        if (thousands > 0) {
            belowThousand(thousands, words);
            words.add("thousand");
        }
        if (rest > 0) {
            belowThousand(rest, words);
        }
        return words;
    }

    /**
     * The number that {@code words} spell, the inverse of {@link #words}:
     * {@code [three, hundred, seventy, one]} is 371. Words that are not
     * exactly the spelling of a number are refused, in one sentence.
     */
    public static int value(List<String> words) {
        int total = 0;    // the thousands, once "thousand" is read
        int current = 0;  // the number being read, below 1,000
        for (String word : words) {
            int unit = Arrays.asList(UNITS).indexOf(word);
            int tens = Arrays.asList(TENS).indexOf(word);  // TENS has nulls
            if (word.equals("hundred")) {
                current *= 100;
            } else if (word.equals("thousand")) {
                total += current * 1000;
                current = 0;
            } else if (unit >= 0) {
                current += unit;
            } else if (tens >= 0) {
                current += 10 * tens;
            }
        }
        int n = total + current;
        if (n < 0 || n > MAX || !words(n).equals(words)) {
            throw new IllegalArgumentException("'" + String.join(" ", words)
                    + "' is not a number as the numbers task spells it");
        }
        return n;
    }

    /** The words joined with spaces: {@code three hundred seventy one}. */
    public static String text(int n) {
        return String.join(" ", words(n));
    }

    /** Every word the task uses, in a fixed order. */
    public static List<String> vocabulary() {
        List<String> words = new ArrayList<>(List.of(UNITS));
        for (String tens : TENS) {
            if (tens != null) {
                words.add(tens);
            }
        }
        words.add("hundred");
        words.add("thousand");
        return words;
    }

    /** 1 ≤ n ≤ 999. */
    private static void belowThousand(int n, List<String> words) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 0) {
            words.add(UNITS[hundreds]);
            words.add("hundred");
        }
        if (rest >= 20) {
            words.add(TENS[rest / 10]);
            if (rest % 10 > 0) {
                words.add(UNITS[rest % 10]);
            }
        } else if (rest > 0) {
            words.add(UNITS[rest]);
        }
    }

    static void checkRange(int n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("the numbers task spells 0 to"
                    + " 999,999; got " + n);
        }
    }
}
