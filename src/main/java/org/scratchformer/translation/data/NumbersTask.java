package org.scratchformer.translation.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * English number words to French ones, 0 to 999,999:
 * {@code three hundred seventy one} → {@code trois cent soixante et onze}.
 *
 * <p>Training draws numbers of every shape ({@link #drawByShape}): below
 * 1,000 or not, round or not, with one to three digits in each part.
 * {@link Draw#BY_DIGITS}, the task {@value #BY_DIGITS}, keeps the first
 * draw of chapter 11 for comparison: half uniform over 0–999,999, half a
 * uniform number of digits, which leaves round numbers and the rules'
 * short forms rare.
 *
 * <p>Splits. Every number below {@value #SMALL} belongs to one split for
 * good, by a hash ({@link #smallSplit}): one in eight to the test split,
 * one in eight to validation, the rest to training; there are too few of
 * them to draw each split's own. The held-out splits are chosen kind by
 * kind ({@link NumberKind}): each holds {@value #PER_KIND} numbers of
 * every kind, or all it may hold if fewer, picked at random; a number from
 * {@value #SMALL} up that one of them picks is never trained on.
 */
public final class NumbersTask extends Task {
    /** The name of the task that trains on the first draw. */
    public static final String BY_DIGITS = "numbers-by-digits";
    /** Numbers below this are assigned to a split by their hash. */
    public static final int SMALL = 10_000;
    /** How many numbers of each kind a held-out split holds. */
    public static final int PER_KIND = 100;

    /** How training numbers are drawn. */
    public enum Draw {
        /** Every shape of number: {@link NumbersTask#drawByShape}. */
        BY_SHAPE,
        /** The first draw: {@link NumbersTask#drawByDigits}. */
        BY_DIGITS
    }

    private static List<Integer> testNumbers;
    private static List<Integer> validNumbers;
    private static Set<Integer> heldOutLarge;

    private final Draw draw;

    /** The task {@code numbers}: training draws every shape. */
    public NumbersTask() {
        this(Draw.BY_SHAPE);
    }

    public NumbersTask(Draw draw) {
        this.draw = draw;
    }

    @Override
    public String name() {
        return draw == Draw.BY_SHAPE ? "numbers" : BY_DIGITS;
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

    /** Every {@link NumberKind}, as a test of the source sentence. */
    @Override
    public List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        for (NumberKind kind : NumberKind.values()) {
            kinds.add(new Kind(kind.label(),
                    source -> kind.contains(EnglishNumbers.value(source))));
        }
        return kinds;
    }

    /** The number a source spells, in digits: {@code 80,000}. */
    @Override
    public String describe(List<String> source) {
        return String.format(Locale.ROOT, "%,d", EnglishNumbers.value(source));
    }

    @Override
    protected Pair sample(Random random) {
        int n;
        do {
            n = draw == Draw.BY_SHAPE ? drawByShape(random)
                    : drawByDigits(random);
        } while (isHeldOut(n));
        return pair(n);
    }

    // tag::draw[]
    /**
     * A number of any shape. A quarter of the draws are below 1,000; the
     * others are a thousands part and a rest, each below 1,000, the rest 0
     * (a round thousand) one time in six.
     */
    static int drawByShape(Random random) {
        if (random.nextInt(4) == 0) {
            return part(random, 0);                     // 0 .. 999
        }
        int thousands = part(random, 1);                // 1 .. 999
        int rest = random.nextInt(6) == 0 ? 0 : part(random, 1);
        return 1000 * thousands + rest;
    }

    /** A number below 1,000 of one of five shapes, equally likely. */
    static int part(Random random, int smallest) {
        return switch (random.nextInt(5)) {
            case 0 -> smallest + random.nextInt(10 - smallest);  // one digit
            case 1 -> 10 + random.nextInt(90);          // 10 .. 99
            case 2 -> 10 * (1 + random.nextInt(9));     // 10, 20 .. 90
            case 3 -> 100 + random.nextInt(900);        // 100 .. 999
            default -> 100 * (1 + random.nextInt(9));   // 100, 200 .. 900
        };
    }
    // end::draw[]

    // tag::draw-by-digits[]
    /** The first draw: half uniform, half a uniform number of digits. */
    static int drawByDigits(Random random) {
        if (random.nextBoolean()) {
            return random.nextInt(EnglishNumbers.MAX + 1);  // 0 .. 999,999
        }
        int digits = 1 + random.nextInt(6);                 // 1 .. 6
        int low = digits == 1 ? 0 : pow10(digits - 1);      // 0, 10, 100 ...
        return low + random.nextInt(pow10(digits) - low);   // low .. 10^d−1
    }
    // end::draw-by-digits[]

    private static int pow10(int exponent) {
        int p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }

    // tag::small-split[]
    /**
     * The split of a number below {@value #SMALL}, by Fibonacci hashing:
     * n times 2⁶⁴/φ, whose top three bits are the bucket, 0 to 7. Numbers
     * next to each other land far apart, and each bucket holds an eighth
     * of any run of numbers. 0, whose word no other number has, is in
     * bucket 0: training.
     */
    public static Split smallSplit(int n) {
        if (n < 0 || n >= SMALL) {
            throw new IllegalArgumentException("the hash splits 0 to "
                    + (SMALL - 1) + "; got " + n);
        }
        long bucket = (n * 0x9E3779B97F4A7C15L) >>> 61;  // 0 .. 7
        return bucket == 7 ? Split.TEST
                : bucket == 6 ? Split.VALID : Split.TRAIN;
    }
    // end::small-split[]

    /** Whether {@code n} is a test or validation number: never trained. */
    public static boolean isHeldOut(int n) {
        return n < SMALL ? smallSplit(n) != Split.TRAIN
                : heldOutLarge().contains(n);
    }

    @Override
    protected List<Pair> heldOut(Split split, Set<List<String>> taken) {
        List<Pair> pairs = new ArrayList<>();
        for (int n : numbers(split)) {
            pairs.add(pair(n));
        }
        return pairs;
    }

    /** The numbers of a held-out split, in its order. */
    public static synchronized List<Integer> numbers(Split split) {
        if (testNumbers == null) {
            testNumbers = pickByKind(Split.TEST, Set.of());
            validNumbers = pickByKind(Split.VALID,
                    new HashSet<>(testNumbers));
            Set<Integer> large = new HashSet<>();
            for (int n : testNumbers) {
                large.add(n);
            }
            large.addAll(validNumbers);
            large.removeIf(n -> n < SMALL);
            heldOutLarge = Set.copyOf(large);
        }
        switch (split) {
            case TEST:
                return testNumbers;
            case VALID:
                return validNumbers;
            default:
                throw new IllegalArgumentException("the training split is"
                        + " drawn, not listed");
        }
    }

    private static synchronized Set<Integer> heldOutLarge() {
        numbers(Split.TEST);
        return heldOutLarge;
    }

    // tag::pick-by-kind[]
    /**
     * A held-out split: for each kind, numbers of the kind picked
     * uniformly at random among those the split may hold, until it has
     * {@value #PER_KIND} of them (all there are, if fewer); then shuffled.
     */
    static List<Integer> pickByKind(Split split, Set<Integer> taken) {
        Random random = new Random(split == Split.TEST ? TEST_SEED
                : VALID_SEED);
        Set<Integer> picked = new HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (NumberKind kind : NumberKind.values()) {
            int wanted = Math.min(PER_KIND, mayHold(kind, split, taken));
            int have = (int) order.stream().filter(kind::contains).count();
            int span = kind.to() - kind.from() + 1;
            while (have < wanted) {
                int n = kind.from() + random.nextInt(span);
                if (kind.contains(n) && mayHold(n, split, taken)
                        && picked.add(n)) {
                    order.add(n);
                    have++;
                }
            }
        }
        Collections.shuffle(order, random);
        return List.copyOf(order);
    }
    // end::pick-by-kind[]

    /** Whether the held-out split may hold {@code n}. */
    private static boolean mayHold(int n, Split split, Set<Integer> taken) {
        return n < SMALL ? smallSplit(n) == split : !taken.contains(n);
    }

    /** How many numbers of a kind the split may hold, up to PER_KIND. */
    private static int mayHold(NumberKind kind, Split split,
            Set<Integer> taken) {
        int count = 0;
        for (int n = kind.from(); n <= kind.to() && count < PER_KIND; n++) {
            if (kind.contains(n) && mayHold(n, split, taken)) {
                count++;
            }
        }
        return count;
    }
}
