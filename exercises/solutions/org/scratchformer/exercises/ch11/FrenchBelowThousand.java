package org.scratchformer.exercises.ch11;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 11.1: French number words from 1 to 999, in the traditional
 * spelling, a hyphen as a token of its own ({@code "-"}).
 */
public final class FrenchBelowThousand {
    private static final String[] UNITS = {"zéro", "un", "deux", "trois",
        "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze", "seize"};
    private static final String[] TENS = {null, "dix", "vingt", "trente",
        "quarante", "cinquante", "soixante"};

    private FrenchBelowThousand() {
    }

    /**
     * The tokens of {@code n}, 1 ≤ n ≤ 999, written on its own (nothing
     * follows it): 81 is [quatre, -, vingt, -, un], 200 is [deux, cents].
     * Throws IllegalArgumentException outside 1 to 999.
     */
    public static List<String> words(int n) {
        if (n < 1 || n > 999) {
            throw new IllegalArgumentException("1 to 999, got " + n);
        }
        List<String> words = new ArrayList<>();
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 1) {
            words.add(UNITS[hundreds]);
        }
        if (hundreds > 0) {
            words.add(hundreds > 1 && rest == 0 ? "cents" : "cent");
        }
        if (rest > 0) {
            belowHundred(rest, words);
        }
        return words;
    }

    private static void belowHundred(int n, List<String> words) {
        int unit = n % 10;
        if (n <= 16) {
            words.add(UNITS[n]);
        } else if (n < 20) {
            words.addAll(List.of("dix", "-", UNITS[unit]));
        } else if (n < 70) {
            words.add(TENS[n / 10]);
            if (unit == 1) {
                words.addAll(List.of("et", "un"));
            } else if (unit > 1) {
                words.addAll(List.of("-", UNITS[unit]));
            }
        } else if (n == 71) {
            words.addAll(List.of("soixante", "et", "onze"));
        } else if (n < 80) {
            words.addAll(List.of("soixante", "-"));
            belowHundred(n - 60, words);
        } else if (n == 80) {
            words.addAll(List.of("quatre", "-", "vingts"));
        } else {
            words.addAll(List.of("quatre", "-", "vingt", "-"));
            belowHundred(n - 80, words);
        }
    }
}
