package org.scratchformer.exercises.ch11;

import java.util.List;

/**
 * Exercise 11.1: French number words from 1 to 999, in the traditional
 * spelling, a hyphen as a token of its own ({@code "-"}).
 */
public final class FrenchBelowThousand {
    private FrenchBelowThousand() {
    }

    /**
     * The tokens of {@code n}, 1 ≤ n ≤ 999, written on its own (nothing
     * follows it): 81 is [quatre, -, vingt, -, un], 200 is [deux, cents].
     * Throws IllegalArgumentException outside 1 to 999.
     */
    public static List<String> words(int n) {
        throw new UnsupportedOperationException("hundreds, then below a"
                + " hundred: dix-sept, vingt et un, soixante et onze,"
                + " quatre-vingts");
    }
}
