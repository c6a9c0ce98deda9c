package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * runs), the output's shape, how many input elements GradCheck compared and
 * the largest relative error it saw.
 */
class CatalogueExample {
    static final String FORMAT = "%-12s %-13s %-19s %-7s %8s %9s%n";

    @Test
    void catalogue() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                FORMAT, "op", "class", "inputs", "output", "compared",
                "max error"));
        List<OpEntry> entries = OpRegistry.all();
        for (OpEntry entry : entries) {
            long seed = CatalogueCheck.seeds(entry, 1).get(0);
            List<Tensor> inputs = entry.inputsFor(seed);
            Tensor y = entry.apply().apply(inputs);
            GradCheckReport report = CatalogueCheck.runCase(entry, seed);
            assertTrue(report.passed(), () -> entry.name() + " seed " + seed
                    + ": " + report.summary());
            text.append(String.format(Locale.ROOT, FORMAT, entry.name(),
                    entry.opClass().getSimpleName(), shapes(inputs),
                    y.shape(), report.elementsChecked(), String.format(
                            Locale.ROOT, "%.1e", report.maxRelativeError())));
        }
        text.append("* a constant: held fixed, takes no gradient\n");
        String listing = Listings.write("op-catalogue", text.toString());
        assertEquals(entries.size() + 2, listing.lines().count(),
                "a header, one line per op, the footnote");
    }

    /** {@code (3x4) (1x4)}, a constant marked with {@code *}. */
    static String shapes(List<Tensor> inputs) {
        return inputs.stream().map(t -> t.shape()
                + (t.requiresGrad() ? "" : "*"))
                .collect(Collectors.joining(" "));
    }
}
