package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The numbers task's draws and splits: every shape is drawn, the numbers
 * below 10,000 are split by their hash, the held-out splits hold every
 * kind, and no held-out number is ever trained on.
 */
class NumbersTaskTest {

    @Test
    void theHashSendsAnEighthOfEveryRunToTestAndToValidation() {
        for (int start : new int[] {0, 100, 1000, 5000, 9000}) {
            Map<Split, Integer> counts = new EnumMap<>(Split.class);
            for (int n = start; n < start + 1000; n++) {
                counts.merge(NumbersTask.smallSplit(n), 1, Integer::sum);
            }
            assertEquals(125, counts.get(Split.TEST), 3, "from " + start);
            assertEquals(125, counts.get(Split.VALID), 3, "from " + start);
        }
        assertEquals(Split.TRAIN, NumbersTask.smallSplit(0),
                "zéro is a word no other number has");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NumbersTask.smallSplit(10_000));
        assertEquals("the hash splits 0 to 9999; got 10000", e.getMessage());
    }

    @Test
    void theHeldOutNumbersBelow10000AreThoseOfTheirHash() {
        for (Split split : List.of(Split.TEST, Split.VALID)) {
            for (int n : NumbersTask.numbers(split)) {
                if (n < NumbersTask.SMALL) {
                    assertEquals(split, NumbersTask.smallSplit(n), "" + n);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NumbersTask.Draw.class)
    void trainingNeverDrawsAHeldOutNumber(NumbersTask.Draw draw) {
        Set<Integer> heldOut = new HashSet<>(NumbersTask.numbers(Split.TEST));
        heldOut.addAll(NumbersTask.numbers(Split.VALID));
        int below10000 = 0;
        for (Pair pair : new NumbersTask(draw).pairs(Split.TRAIN, 100_000,
                3)) {
            int n = EnglishNumbers.value(pair.source());
            assertFalse(heldOut.contains(n), n + " is held out");
            if (n < NumbersTask.SMALL) {
                assertEquals(Split.TRAIN, NumbersTask.smallSplit(n),
                        n + " belongs to a held-out split by its hash");
                below10000++;
            }
        }
        assertTrue(below10000 > 10_000, "many small numbers were drawn: "
                + below10000);
    }

    @Test
    void everyKindHasAHundredHeldOutNumbersOrAllThereMayBe() {
        for (Split split : List.of(Split.TEST, Split.VALID)) {
            List<Integer> numbers = NumbersTask.numbers(split);
            assertEquals(numbers.size(), new HashSet<>(numbers).size());
            for (NumberKind kind : NumberKind.values()) {
                long count = numbers.stream().filter(kind::contains).count();
                // below 10,000 a split may hold only its hash's numbers
                long possible = kind.to() >= NumbersTask.SMALL
                        ? Long.MAX_VALUE : IntStream.rangeClosed(kind.from(),
                                kind.to()).filter(kind::contains)
                        .filter(n -> NumbersTask.smallSplit(n) == split)
                        .count();
                assertEquals(Math.min(NumbersTask.PER_KIND, possible),
                        Math.min(NumbersTask.PER_KIND, count),
                        split.label() + ", " + kind.label() + ": " + count);
            }
        }
        // all twelve numbers below 100 that the hash gives the test split
        assertEquals(12, NumbersTask.numbers(Split.TEST).stream()
                .filter(n -> n < 100).count());
    }

    @Test
    void theHeldOutSplitsAreFixedAndShuffled() {
        List<Integer> test = NumbersTask.numbers(Split.TEST);
        assertEquals(1115, test.size());
        assertEquals(1107, NumbersTask.numbers(Split.VALID).size());
        // the first hundred are not all of one kind: any prefix is a mix
        long small = test.subList(0, 100).stream()
                .filter(n -> n < 1000).count();
        assertTrue(small > 5 && small < 50, "below 1,000: " + small);
        assertThrows(IllegalArgumentException.class,
                () -> NumbersTask.numbers(Split.TRAIN));
    }

    /** The share of each kind among many draws. */
    static Map<NumberKind, Double> shares(NumbersTask.Draw draw) {
        Random random = new Random(5);
        Map<NumberKind, Double> shares = new EnumMap<>(NumberKind.class);
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            int n = draw == NumbersTask.Draw.BY_SHAPE
                    ? NumbersTask.drawByShape(random)
                    : NumbersTask.drawByDigits(random);
            for (NumberKind kind : NumberKind.values()) {
                if (kind.contains(n)) {
                    shares.merge(kind, 1.0 / draws, Double::sum);
                }
            }
        }
        return shares;
    }

    @Test
    void theDrawByShapeGivesEveryShapeItsShare() {
        Map<NumberKind, Double> shares = shares(NumbersTask.Draw.BY_SHAPE);
        // a quarter below 1,000; of the rest, round thousands one in six
        double below1000 = shares.get(NumberKind.BELOW_100)
                + shares.get(NumberKind.HUNDREDS);
        assertEquals(0.25, below1000, 0.005);
        assertEquals(0.75 / 6, shares.get(NumberKind.ROUND_THOUSANDS),
                0.005);
        // below 1,000: one digit, two digits, round tens of five shapes
        assertEquals(0.25 * 3 / 5, shares.get(NumberKind.BELOW_100), 0.005);
        // thousands of three digits or round hundreds: 2 shapes of 5
        assertEquals(0.75 * 2 / 5, shares.get(NumberKind.SIX_DIGITS), 0.005);
        // every rule is common: at least one draw in seventy
        for (NumberKind kind : NumberKind.values()) {
            assertTrue(shares.get(kind) > 1 / 70.0, kind + ": "
                    + shares.get(kind));
        }
    }

    @Test
    void theDrawByDigitsLeavesRoundNumbersRare() {
        Map<NumberKind, Double> shares = shares(NumbersTask.Draw.BY_DIGITS);
        // half uniform (90% six digits) + half 1/6 per number of digits
        assertEquals(0.5 * 0.9 + 1 / 12.0, shares.get(NumberKind.SIX_DIGITS),
                0.005);
        assertEquals(1 / 6.0, shares.get(NumberKind.BELOW_100), 0.005);
        assertTrue(shares.get(NumberKind.ROUND_THOUSANDS) < 0.001,
                "round thousands: " + shares.get(NumberKind.ROUND_THOUSANDS));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyPartShapeAndEveryNumberOfDigitsIsDrawn(long seed) {
        Random random = new Random(seed);
        Set<Integer> parts = new HashSet<>();
        Set<Integer> digits = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            int part = NumbersTask.part(random, i % 2);
            assertTrue(part >= i % 2 && part <= 999, "" + part);
            parts.add(part);
            digits.add(String.valueOf(NumbersTask.drawByShape(random))
                    .length());
        }
        for (int n : new int[] {0, 7, 10, 80, 71, 100, 200, 900}) {
            assertTrue(parts.contains(n), n + " is a part");
        }
        assertTrue(parts.stream().anyMatch(n -> n > 100 && n % 10 != 0),
                "three digits, not round");
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), digits);
    }

    @Test
    void theTwoTasksShareTheirSplitsAndVocabularies() {
        Task shapes = Task.named("numbers");
        Task digits = Task.named(NumbersTask.BY_DIGITS);
        assertEquals("numbers", shapes.name());
        assertEquals(NumbersTask.BY_DIGITS, digits.name());
        assertEquals(shapes.pairs(Split.TEST, 1115, 0),
                digits.pairs(Split.TEST, 1115, 0));
        assertEquals(shapes.targetVocabulary(), digits.targetVocabulary());
        assertFalse(shapes.pairs(Split.TRAIN, 50, 1).equals(
                digits.pairs(Split.TRAIN, 50, 1)));
        assertEquals("80,000", shapes.describe(
                EnglishNumbers.words(80_000)));
        assertEquals(NumberKind.values().length, shapes.kinds().size());
        assertEquals("round thousands: 2,000, 80,000",
                shapes.kinds().get(6).name());
        assertTrue(shapes.kinds().get(6).source().test(
                EnglishNumbers.words(80_000)));
    }
}
