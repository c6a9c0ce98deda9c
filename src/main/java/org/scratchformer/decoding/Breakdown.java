package org.scratchformer.decoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;

/**
 * Exact match kind by kind: for each kind of sentence, how many
 * translations there are, how many are right, and the first wrong one. A
 * single score over a test set says little about a kind that is rare in
 * it; the table shows every kind on its own.
 */
public final class Breakdown {
    /** One kind's line: its name, its translations, the right ones. */
    public record Row(String kind, int count, int correct,
            Prediction firstWrong) {
        /** The share of the kind exactly right, 0 to 1; NaN if empty. */
        public double exactMatch() {
            return count == 0 ? Double.NaN : (double) correct / count;
        }
    }

    private final List<Row> rows;

    private Breakdown(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    // tag::of[]
    /** Each kind's count, exact match and first wrong translation. */
    public static Breakdown of(List<Prediction> predictions,
            List<Task.Kind> kinds) {
        List<Row> rows = new ArrayList<>();
        for (Task.Kind kind : kinds) {
            int count = 0;
            int correct = 0;
            Prediction firstWrong = null;
            for (Prediction p : predictions) {
                if (!kind.source().test(p.source())) {
                    continue;
                }
                count++;
                if (p.correct()) {
                    correct++;
                } else if (firstWrong == null) {
                    firstWrong = p;
                }
            }
            rows.add(new Row(kind.name(), count, correct, firstWrong));
        }
        return new Breakdown(rows);
    }
    // end::of[]

    public List<Row> rows() {
        return rows;
    }

    /** The row of the kind named {@code kind}. */
    public Row row(String kind) {
        for (Row row : rows) {
            if (row.kind().equals(kind)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no kind named '" + kind + "'");
    }

    /** The row with the lowest exact match (the first of equals). */
    public Row worst() {
        Row worst = null;
        for (Row row : rows) {
            if (row.count() > 0 && (worst == null
                    || row.exactMatch() < worst.exactMatch())) {
                worst = row;
            }
        }
        return worst;
    }

    /**
     * {@code correct} of {@code count} as a percentage with two decimals,
     * rounded down: 1,999 of 2,000 is 99.95%, and 99,999 of 100,000 is
     * 99.99%, not 100.00%. "-" for none.
     */
    public static String percent(int correct, int count) {
        if (count == 0) {
            return "-";
        }
        long hundredths = 10_000L * correct / count;  // rounded down
        return String.format(Locale.ROOT, "%d.%02d%%", hundredths / 100,
                hundredths % 100);
    }

    /**
     * The table, one kind a line: name, count, exact match, and the first
     * wrong translation as {@code source → translation}, the source written
     * by {@code describe}.
     */
    public String table(Function<List<String>, String> describe) {
        int width = "kind".length();
        for (Row row : rows) {
            width = Math.max(width, row.kind().length());
        }
        String format = "%-" + width + "s %6s %8s  %s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                format, "kind", "count", "exact", "first wrong"));
        for (Row row : rows) {
            String wrong = row.firstWrong() == null ? ""
                    : describe.apply(row.firstWrong().source()) + " → "
                            + Tokens.join(row.firstWrong().got());
            text.append(String.format(Locale.ROOT, format, row.kind(),
                    row.count(), percent(row.correct(), row.count()),
                    wrong)
                    .replaceAll(" +\n", "\n"));
        }
        return text.toString();
    }
}
