package org.scratchformer.exercises.ch12;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Exercise 12.3: errors by kind of number.
 *
 * <p>One exact match over a test set hides a kind of number that is rare
 * in it. Given translations of numbers, each with the number, the expected
 * French and the model's, and named kinds (a test of the number each, in
 * the order of the map), count for every kind how many translations are
 * of that kind, how many of those are right, and which is the first wrong
 * one:
 *
 * <pre>
 * for each kind k:  count = |{t : k(t.number)}|,
 *                   correct = |{t : k(t.number), t.got = t.expected}|,
 *                   firstWrong = the number of the first such t that is
 *                                wrong, in the order of the list (null if
 *                                none)
 * </pre>
 *
 * <p>{@link #worst} names the kind with the lowest exact match,
 * correct / count, skipping kinds with no translation; of two equal ones,
 * the earlier.
 *
 * <p>Requirements the tests check: one row per kind, in the map's order; a
 * translation counts in every kind it belongs to; a kind with no
 * translation has count 0 and no first wrong; rows with no translation at
 * all, or an empty list of rows, give worst = null.
 */
public final class ErrorsByKind {
    private ErrorsByKind() {
    }

    /** A number, its expected French and the model's. */
    public record Translation(int number, String expected, String got) {
    }

    /** One kind's count, right ones and first wrong number (or null). */
    public record Row(String kind, int count, int correct,
            Integer firstWrong) {
    }

    /** Each kind's row, in the order of {@code kinds}. */
    public static List<Row> byKind(List<Translation> translations,
            Map<String, IntPredicate> kinds) {
        throw new UnsupportedOperationException("for each kind, walk the"
                + " translations once: count those of the kind, the right"
                + " ones, and keep the first wrong number");
    }

    /** The kind with the lowest exact match, or null if none has any. */
    public static String worst(List<Row> rows) {
        throw new UnsupportedOperationException("compare correct / count of"
                + " the rows with count > 0; keep the first of equals");
    }
}
