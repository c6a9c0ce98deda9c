package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.tensor.Tensor;

/**
 * The catalogue at a glance, for chapter 5: every registered op with the
 * shapes of its first random case (the first of the cases OpCatalogueTest
 * runs), the output's shape (the class of each is in the gradient
 * reference's coverage table), how many input elements GradCheck compared and
 * the largest relative error it saw.
 */
class CatalogueExample {
    static final String[] HEADER = {"op", "inputs", "output", "checked",
        "error"};
    /** Which columns hold numbers, right-aligned. */
    static final boolean[] NUMERIC = {false, false, false, true, true};

    @Test
    void catalogue() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        List<OpEntry> entries = OpRegistry.all();
        for (OpEntry entry : entries) {
            long seed = CatalogueCheck.seeds(entry, 1).get(0);
            List<Tensor> inputs = entry.inputsFor(seed);
            Tensor y = entry.apply().apply(inputs);
            GradCheckReport report = CatalogueCheck.runCase(entry, seed);
            assertTrue(report.passed(), () -> entry.name() + " seed " + seed
                    + ": " + report.summary());
            rows.add(new String[] {entry.name(), shapes(inputs), y.shape(),
                String.valueOf(report.elementsChecked()),
                String.format(Locale.ROOT, "%.1e",
                        report.maxRelativeError())});
        }
        String text = table(rows) + "* a constant: held fixed, takes no"
                + " gradient\nchecked: input elements compared; error: the"
                + " largest relative error\n";
        String listing = Listings.write("op-catalogue", text);
        assertEquals(entries.size() + 3, listing.lines().count(),
                "a header, one line per op, two lines of notes");
        listing.lines().forEach(line -> assertTrue(line.length() <= 80,
                () -> "wider than the book's 80 columns: " + line));
    }

    /** {@code (3x4) (1x4)}, a constant marked with {@code *}. */
    static String shapes(List<Tensor> inputs) {
        return inputs.stream().map(t -> t.shape()
                + (t.requiresGrad() ? "" : "*"))
                .collect(Collectors.joining(" "));
    }

    /** Columns as wide as their widest cell; fits 80 columns. */
    static String table(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(c == 0 ? "" : NUMERIC[c] ? " " : "  ")
                        .append(NUMERIC[c] ? pad + row[c] : row[c] + pad);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
