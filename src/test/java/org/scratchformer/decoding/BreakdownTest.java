package org.scratchformer.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;

/** Each kind is counted on its own, and its first wrong one is kept. */
class BreakdownTest {
    static final Task.Kind SHORT = new Task.Kind("short",
            source -> source.size() <= 2);
    static final Task.Kind LONG = new Task.Kind("long",
            source -> source.size() > 2);
    static final Task.Kind NONE = new Task.Kind("none", source -> false);

    static Prediction p(String source, String expected, String got) {
        return new Prediction(Tokens.split(source), Tokens.split(expected),
                Tokens.split(got));
    }

    final List<Prediction> predictions = List.of(
            p("seventy one", "soixante et onze", "soixante et onze"),
            p("two hundred", "deux cents", "deux cent"),
            p("eighty", "quatre-vingts", "quatre-vingts"),
            p("one thousand one", "mille un", "mille un"),
            p("two thousand five", "deux mille cinq", "deux mille"),
            p("one hundred eighty", "cent quatre-vingts",
                    "cent quatre-vingt-dix"));

    @Test
    void eachKindHasItsCountItsRightOnesAndItsFirstWrongOne() {
        Breakdown table = Breakdown.of(predictions, List.of(SHORT, LONG,
                NONE));
        Breakdown.Row shortRow = table.row("short");
        assertEquals(3, shortRow.count());
        assertEquals(2, shortRow.correct());
        assertEquals(2 / 3.0, shortRow.exactMatch(), 1e-12);
        assertEquals(predictions.get(1), shortRow.firstWrong());
        Breakdown.Row longRow = table.row("long");
        assertEquals(3, longRow.count());
        assertEquals(1, longRow.correct());
        assertEquals(predictions.get(4), longRow.firstWrong(),
                "the first wrong one, not the last");
        Breakdown.Row none = table.row("none");
        assertEquals(0, none.count());
        assertNull(none.firstWrong());
        assertEquals(Double.NaN, none.exactMatch());
        assertEquals(longRow, table.worst());
        assertEquals(List.of("short", "long", "none"), table.rows().stream()
                .map(Breakdown.Row::kind).toList());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> table.row("round"));
        assertEquals("no kind named 'round'", e.getMessage());
    }

    @Test
    void theTableHasALineAKind() {
        List<Prediction> more = new ArrayList<>(predictions);
        String table = Breakdown.of(more, List.of(SHORT, LONG, NONE))
                .table(source -> "<" + Tokens.join(source) + ">");
        assertEquals(String.join("\n",
                "kind   count    exact  first wrong",
                "short      3   66.66%  <two hundred> → deux cent",
                "long       3   33.33%  <two thousand five> → deux mille",
                "none       0        -",
                ""), table);
    }

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({"0, 1, 0.00%", "1, 1, 100.00%", "2, 3, 66.66%",
        "1999, 2000, 99.95%", "99999, 100000, 99.99%", "0, 0, -",
        "97, 100, 97.00%", "1114, 1115, 99.91%"})
    void percentagesAreRoundedDownSoAllRightIsTheOnly100(int correct,
            int count, String expected) {
        assertEquals(expected, Breakdown.percent(correct, count));
    }
}
