package org.scratchformer.exercises.ch12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.ch12.ErrorsByKind.Row;
import org.scratchformer.exercises.ch12.ErrorsByKind.Translation;

class ErrorsByKindTest {
    static Map<String, IntPredicate> kinds() {
        Map<String, IntPredicate> kinds = new LinkedHashMap<>();
        kinds.put("below 100", n -> n < 100);
        kinds.put("round hundreds", n -> n % 100 == 0 && n % 1000 != 0);
        kinds.put("round thousands", n -> n > 0 && n % 1000 == 0);
        kinds.put("six digits", n -> n >= 100_000);
        return kinds;
    }

    /** Translations a model made, as chapter 12 shows them. */
    static final List<Translation> MADE = List.of(
            new Translation(71, "soixante et onze", "soixante et onze"),
            new Translation(200, "deux cents", "deux cent"),
            new Translation(2000, "deux mille", "deux mille deux"),
            new Translation(371, "trois cent soixante et onze",
                    "trois cent soixante et onze"),
            new Translation(80_000, "quatre-vingt mille",
                    "quatre-vingt mille quatre-vingts"),
            new Translation(400_000, "quatre cent mille",
                    "quatre cent mille"),
            new Translation(4300, "quatre mille trois cents",
                    "quatre mille trois cents"),
            new Translation(17, "dix-sept", "dix-sept"),
            new Translation(900_000, "neuf cent mille",
                    "neuf cent mille neuf"));

    @Test
    void aWorkedTable() {
        List<Row> rows = ErrorsByKind.byKind(MADE, kinds());
        assertEquals(List.of(
                new Row("below 100", 2, 2, null),
                new Row("round hundreds", 2, 1, 200),
                new Row("round thousands", 4, 1, 2000),
                new Row("six digits", 2, 1, 900_000)), rows);
        // round thousands: 1 of 4 right, the lowest
        assertEquals("round thousands", ErrorsByKind.worst(rows));
    }

    @Test
    void theFirstWrongIsTheFirstInTheListNotTheSmallest() {
        List<Translation> made = List.of(
                new Translation(90_000, "quatre-vingt-dix mille", "x"),
                new Translation(10_000, "dix mille", "dix mille dix"));
        Row row = ErrorsByKind.byKind(made, kinds()).get(2);
        assertEquals(new Row("round thousands", 2, 0, 90_000), row);
    }

    @Test
    void aKindWithNoTranslationIsCountedAsNoneAndNeverTheWorst() {
        Map<String, IntPredicate> kinds = new LinkedHashMap<>();
        kinds.put("nothing", n -> false);
        kinds.put("all", n -> true);
        List<Row> rows = ErrorsByKind.byKind(MADE, kinds);
        assertEquals(new Row("nothing", 0, 0, null), rows.get(0));
        assertEquals(new Row("all", MADE.size(), 5, 200), rows.get(1));
        assertEquals("all", ErrorsByKind.worst(rows));
        assertNull(ErrorsByKind.worst(List.of(rows.get(0))));
        assertNull(ErrorsByKind.worst(List.of()));
        assertEquals(List.of(new Row("all", 0, 0, null)),
                ErrorsByKind.byKind(List.of(), Map.of("all", n -> true)));
    }

    @Test
    void ofTwoEqualKindsTheEarlierIsTheWorst() {
        List<Row> rows = List.of(new Row("a", 4, 3, 1), new Row("b", 8, 6, 2),
                new Row("c", 3, 3, null));
        assertEquals("a", ErrorsByKind.worst(rows));
        assertEquals("b", ErrorsByKind.worst(List.of(rows.get(2),
                rows.get(1), rows.get(0))));
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 4L, 5L);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void everyRowAgreesWithTheTranslationsOfItsKind(long seed) {
        Random random = new Random(seed);
        List<Translation> made = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = random.nextBoolean() ? 1000 * random.nextInt(1000)
                    : random.nextInt(1_000_000);
            made.add(new Translation(n, "x", random.nextInt(10) == 0 ? "y"
                    : "x"));
        }
        List<Row> rows = ErrorsByKind.byKind(made, kinds());
        assertEquals(kinds().size(), rows.size(), "seed " + seed);
        int k = 0;
        for (Map.Entry<String, IntPredicate> kind : kinds().entrySet()) {
            Row row = rows.get(k++);
            List<Translation> of = made.stream()
                    .filter(t -> kind.getValue().test(t.number())).toList();
            assertEquals(kind.getKey(), row.kind());
            assertEquals(of.size(), row.count(), "seed " + seed);
            assertEquals(of.stream().filter(t -> t.got().equals(
                    t.expected())).count(), row.correct(), "seed " + seed);
            Integer first = of.stream().filter(t -> !t.got().equals(
                    t.expected())).map(Translation::number).findFirst()
                    .orElse(null);
            assertEquals(first, row.firstWrong(), "seed " + seed);
            assertTrue(row.correct() <= row.count());
        }
    }
}
