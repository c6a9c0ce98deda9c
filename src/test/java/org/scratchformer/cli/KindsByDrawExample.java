package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.scratchformer.book.Figures;
import org.scratchformer.book.Listings;
import org.scratchformer.decoding.Breakdown;
import org.scratchformer.translation.data.NumberKind;
import org.scratchformer.translation.data.NumbersTask;
import org.scratchformer.translation.data.Split;

/**
 * Chapters 11 and 12: the measured runs of {@code src/test/resources/kinds/},
 * each written by {@code eval --csv} (its first lines name the run), as a
 * figure of the errors by kind and as tables. The commands that made them
 * are in chapter 11, <em>What the draw changes</em>; the demo's own table
 * is checked against a fresh run when the book is built
 * ({@link TrainedTranslatorFigures}).
 *
 * <ul>
 * <li>{@code kinds-by-draw.png}: the share wrong in each kind, for the
 * demo trained on each draw at each rate factor;</li>
 * <li>{@code kinds-before.txt}: the first demo's table (the draw by
 * digits, factor 1), with its first wrong translations, the long ones cut
 * short;</li>
 * <li>{@code kinds-demo.txt}, {@code kinds-full.txt}: the demo's and the
 * full preset's tables before and after, side by side, on the test split
 * and on the numbers 0 to 9,999 that the runs never trained on.</li>
 * </ul>
 */
class KindsByDrawExample {
    /** The demo runs of the figure: file, and the legend's words. */
    static final String[][] DEMO_RUNS = {
        {"demo-by-digits-rate-1", "by digits, factor 1 (the first demo)"},
        {"demo-by-digits", "by digits, factor 0.35"},
        {"demo-by-shape-rate-1", "by shape, factor 1"},
        {"demo", "by shape, factor 0.35 (the demo now)"},
    };

    static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of(ByKind.ALL));
        for (NumberKind kind : NumberKind.values()) {
            kinds.add(kind.label());
        }
        return kinds;
    }

    /** Every committed table has every kind, in order. */
    @Test
    void theTablesHaveTheKindsOfTheTask() {
        List<Integer> test = NumbersTask.numbers(Split.TEST);
        for (String name : List.of("demo-by-digits-rate-1", "demo-by-digits",
                "demo-by-shape-rate-1", "demo", "full-by-digits", "full")) {
            KindsCsv csv = KindsCsv.read(name);
            assertEquals(kinds(), csv.rows().stream().map(KindsCsv.Row::kind)
                    .toList(), name);
            // on the test split as it is: the same counts
            assertTrue(csv.about().get(1).contains("on the test split"),
                    name + ": " + csv.about());
            assertEquals(test.size(), csv.row(ByKind.ALL).count(), name);
            for (NumberKind kind : NumberKind.values()) {
                assertEquals(test.stream().filter(kind::contains).count(),
                        csv.row(kind.label()).count(), name + ", "
                                + kind.label());
            }
        }
        for (String name : List.of("demo-by-digits-rate-1-range",
                "demo-range", "full-by-digits-range", "full-range")) {
            KindsCsv csv = KindsCsv.read(name);
            assertEquals(kinds(), csv.rows().stream().map(KindsCsv.Row::kind)
                    .toList(), name);
            assertTrue(csv.about().get(1).contains("0 to 9999 never"),
                    name + ": " + csv.about());
        }
    }

    @Test
    void theErrorsByKindOfEachDraw() {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(1000)
                .height(620).title("The demo's errors by kind of number,"
                        + " on the test split (no bar: no error)")
                .xAxisTitle("kind of number")
                .yAxisTitle("wrong translations, %").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(
                java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setXAxisTickMarkSpacingHint(20);  // every label
        chart.getStyler().setYAxisMax(100.0);
        List<String> kinds = kinds();
        List<String> labels = kinds.stream().map(k -> k.contains(":")
                ? k.substring(0, k.indexOf(':')) : k).toList();
        for (String[] run : DEMO_RUNS) {
            KindsCsv csv = KindsCsv.read(run[0]);
            List<Double> wrong = new ArrayList<>();
            for (String kind : kinds) {
                wrong.add(csv.row(kind).percentWrong());
            }
            chart.addSeries(run[1], labels, wrong);
        }
        Figures.save(chart, "kinds-by-draw");
    }

    @Test
    void theFirstDemosTable() {
        KindsCsv before = KindsCsv.read("demo-by-digits-rate-1");
        StringBuilder text = new StringBuilder(table(before));
        String listing = Listings.write("kinds-before", text.toString());
        assertTrue(listing.contains("round thousands"), listing);
    }

    /** A table as eval prints it, from a CSV. */
    static String table(KindsCsv csv) {
        int width = csv.rows().stream().mapToInt(r -> r.kind().length())
                .max().orElse(4);
        String format = "%-" + width + "s %6s %8s  %s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                format, "kind", "count", "exact", "first wrong"));
        for (KindsCsv.Row row : csv.rows()) {
            text.append(String.format(Locale.ROOT, format, row.kind(),
                    row.count(), Breakdown.percent(row.correct(),
                            row.count()), cut(row.firstWrong()))
                    .replaceAll(" +\n", "\n"));
        }
        return text.toString();
    }

    /** A first wrong translation cut to fit the page, "..." at the cut. */
    static String cut(String wrong) {
        return wrong.length() <= CUT ? wrong
                : wrong.substring(0, CUT) + "...";
    }

    /** The longest first wrong translation the book shows whole. */
    static final int CUT = 50;

    @Test
    void beforeAndAfterSideBySide() {
        Listings.write("kinds-demo", sideBySide("demo-by-digits-rate-1",
                "demo"));
        Listings.write("kinds-full", sideBySide("full-by-digits", "full"));
    }

    /**
     * Exact match by kind of two runs, before and after, on the test split
     * and on the numbers below 10,000 that each never trained on (how many,
     * in brackets: each run trained on its own).
     */
    static String sideBySide(String before, String after) {
        KindsCsv[] runs = {KindsCsv.read(before), KindsCsv.read(after),
            KindsCsv.read(before + "-range"), KindsCsv.read(after
                    + "-range")};
        List<String> kinds = kinds();
        int width = kinds.stream().mapToInt(String::length).max().orElse(4);
        String format = "%-" + width + "s %6s %8s %8s   %17s %17s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-" + width + "s %-25s   %s%n", "", "       test split",
                "  unseen numbers 0 to 9,999"));
        text.append(String.format(Locale.ROOT, format, "kind", "count",
                "before", "after", "before", "after"));
        for (String kind : kinds) {
            text.append(String.format(Locale.ROOT, format, kind,
                    runs[0].row(kind).count(), percent(runs[0].row(kind)),
                    percent(runs[1].row(kind)), counted(runs[2].row(kind)),
                    counted(runs[3].row(kind))));
        }
        return text.toString().replaceAll(" +\n", "\n");
    }

    /** "99.20% (5,926)", or "-" for none. */
    static String counted(KindsCsv.Row row) {
        return row.count() == 0 ? "-" : String.format(Locale.ROOT,
                "%s (%,d)", percent(row), row.count());
    }

    static String percent(KindsCsv.Row row) {
        return Breakdown.percent(row.correct(), row.count());
    }
}
