package org.scratchformer.translation.data;

import java.util.ArrayList;
import java.util.List;

/**
 * French number words, 0 to 999,999, in the traditional spelling (before
 * the 1990 reform, which hyphenates everything). Tokens are words, and a
 * hyphen is a token of its own: 81 is {@code quatre - vingt - un}, which
 * {@link Tokens#join} writes {@code quatre-vingt-un}.
 *
 * <p>The rules, each applied in one place below:
 * <ul>
 * <li>17 to 19 are {@code dix-sept}, {@code dix-huit}, {@code dix-neuf};
 * <li>the tens and the units are joined by a hyphen ({@code vingt-deux}),
 * except that 21, 31, 41, 51 and 61 take "et un" ({@code vingt et un}) and
 * 71 is {@code soixante et onze};
 * <li>70 to 79 count on from sixty: {@code soixante-dix},
 * {@code soixante-douze} ... {@code soixante-dix-neuf};
 * <li>80 is {@code quatre-vingts}, but the s goes when anything follows:
 * {@code quatre-vingt-un} (no "et"), {@code quatre-vingt-dix} ... 99, and
 * {@code quatre-vingt mille};
 * <li>{@code cent} takes an s only when it is multiplied and last:
 * {@code deux cents}, but {@code deux cent un} and {@code deux cent mille};
 * <li>{@code mille} never varies, and one thousand is {@code mille}, not
 * "un mille" (but 21,000 is {@code vingt et un mille}).
 * </ul>
 */
public final class FrenchNumbers {
    static final String[] UNITS = {"zéro", "un", "deux", "trois", "quatre",
        "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
        "treize", "quatorze", "quinze", "seize"};
    static final String[] TENS = {null, "dix", "vingt", "trente",
        "quarante", "cinquante", "soixante"};
    static final String HYPHEN = Tokens.HYPHEN;

    private FrenchNumbers() {
    }

    // tag::words[]
    /** The tokens for {@code n}, 0 ≤ n ≤ 999,999. */
    public static List<String> words(int n) {
        EnglishNumbers.checkRange(n);
        List<String> words = new ArrayList<>();
        if (n == 0) {
            words.add("zéro");
            return words;
        }
        int thousands = n / 1000;
        int rest = n % 1000;
        if (thousands > 1) {  // "un mille" is just "mille"
            belowThousand(thousands, false, words);  // mille follows
        }
        if (thousands > 0) {
            words.add("mille");  // invariable
        }
        if (rest > 0) {
            belowThousand(rest, true, words);
        }
        return words;
    }
    // end::words[]

    /** The text with its hyphens joined: {@code quatre-vingt-un}. */
    public static String text(int n) {
        return Tokens.join(words(n));
    }

    /** Every token the task uses, in a fixed order. */
    public static List<String> vocabulary() {
        List<String> words = new ArrayList<>(List.of(UNITS));
        for (int t = 2; t < TENS.length; t++) {
            words.add(TENS[t]);
        }
        words.addAll(List.of("vingts", "cent", "cents", "mille", "et",
                HYPHEN));
        return words;
    }

    // tag::below-thousand[]
    /**
     * 1 ≤ n ≤ 999. {@code last}: nothing follows in the whole number, the
     * only place where {@code cents} and {@code quatre-vingts} keep their s.
     */
    static void belowThousand(int n, boolean last, List<String> words) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 1) {
            words.add(UNITS[hundreds]);
        }
        if (hundreds > 0) {
            // deux cents, but deux cent un and deux cent mille
            boolean plural = hundreds > 1 && rest == 0 && last;
            words.add(plural ? "cents" : "cent");
        }
        if (rest > 0) {
            belowHundred(rest, last, words);
        }
    }
    // end::below-thousand[]

    // tag::below-hundred[]
    /** 1 ≤ n ≤ 99. */
    static void belowHundred(int n, boolean last, List<String> words) {
        int tens = n / 10;
        int unit = n % 10;
        if (n <= 16) {
            words.add(UNITS[n]);                  // un ... seize
        } else if (n < 20) {
            hyphenated(words, "dix", UNITS[unit]);  // dix-sept
        } else if (n < 70) {
            words.add(TENS[tens]);
            if (unit == 1) {
                words.addAll(List.of("et", "un"));  // vingt et un
            } else if (unit > 1) {
                hyphenated(words, null, UNITS[unit]);  // vingt-deux
            }
        } else if (n == 71) {
            words.addAll(List.of("soixante", "et", "onze"));
        } else if (n < 80) {
            words.add("soixante");                // soixante-douze
            words.add(HYPHEN);
            belowHundred(n - 60, last, words);
        } else if (n == 80) {
            // quatre-vingts, but quatre-vingt mille
            hyphenated(words, "quatre", last ? "vingts" : "vingt");
        } else {
            hyphenated(words, "quatre", "vingt");  // no "et": quatre-vingt-un
            words.add(HYPHEN);
            belowHundred(n - 80, last, words);
        }
    }
    // end::below-hundred[]

    /** Adds {@code first - second}, or {@code - second} after a word. */
    private static void hyphenated(List<String> words, String first,
            String second) {
        if (first != null) {
            words.add(first);
        }
        words.add(HYPHEN);
        words.add(second);
    }
}
