package org.scratchformer.translation.data;

import java.util.List;
import java.util.Random;

/**
 * English number words to French ones, 0 to 999,999:
 * {@code three hundred seventy one} → {@code trois cent soixante et onze}.
 *
 * <p>Sampling. Drawn uniformly, nine numbers in ten would have six digits
 * and a number below 100 would come up once in 10,000 draws, too rarely to
 * learn "soixante et onze" from. So half the draws are uniform over
 * 0–999,999, and the other half first pick a number of digits, 1 to 6,
 * each equally likely, then a number with that many digits. Each two-digit
 * number then comes up about once in 1,100 examples, each one-digit number
 * once in 120.
 *
 * <p>The held-out splits draw from the same mix but never a number below
 * 100: those 100 are the words every longer number is built from, and
 * holding some out would test only whether the model can guess a word it
 * has never seen.
 */
public final class NumbersTask extends Task {
    /** The smallest number the held-out splits may contain. */
    public static final int SMALLEST_HELD_OUT = 100;

    @Override
    public String name() {
        return "numbers";
    }

    @Override
    public List<String> sourceWords() {
        return EnglishNumbers.vocabulary();
    }

    @Override
    public List<String> targetWords() {
        return FrenchNumbers.vocabulary();
    }

    /** The example for {@code n}. */
    public static Pair pair(int n) {
        return new Pair(EnglishNumbers.words(n), FrenchNumbers.words(n));
    }

    @Override
    protected Pair sample(Random random) {
        return pair(sampleNumber(random));
    }

    @Override
    protected Pair sampleHeldOut(Random random) {
        int n;
        do {
            n = sampleNumber(random);
        } while (n < SMALLEST_HELD_OUT);
        return pair(n);
    }

    // tag::sample[]
    /** Half uniform, half with a uniformly chosen number of digits. */
    static int sampleNumber(Random random) {
        if (random.nextBoolean()) {
            return random.nextInt(EnglishNumbers.MAX + 1);  // 0 .. 999,999
        }
        int digits = 1 + random.nextInt(6);                 // 1 .. 6
        int low = digits == 1 ? 0 : pow10(digits - 1);      // 0, 10, 100 ...
        return low + random.nextInt(pow10(digits) - low);   // low .. 10^d−1
    }
    // end::sample[]

    private static int pow10(int exponent) {
        int p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }
}
