package org.scratchformer.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;
import org.scratchformer.book.Figures;
import org.scratchformer.book.Listings;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 8's small example: five words whose queries and keys are written
 * by hand, so that each word looks for a kind of word. Writes the listings
 * {@code attention-weights.txt} and {@code attention-masks.txt} and the
 * figures {@code attention-weights.png} (no mask) and
 * {@code attention-weights-causal.png}.
 */
class AttentionMapExample {
    static final String[] WORDS = {"the", "cat", "sat", "on", "mat"};
    static final String[] KINDS = {"article", "noun", "verb", "preposition"};

    // tag::queries-and-keys[]
    /** Each key says what kind of word it is: 3 in its kind's column. */
    static final int[] IS = {0, 1, 2, 3, 1};
    /** Each query asks for a kind: the→noun, cat→verb, sat→noun, … */
    static final int[] LOOKS_FOR = {1, 2, 1, 1, 3};

    /** (T, 4): row t is 3 in column kinds[t], 0 elsewhere. */
    static Tensor oneHot(int[] kinds) {
        DMatrixRMaj m = new DMatrixRMaj(kinds.length, KINDS.length);
        for (int t = 0; t < kinds.length; t++) {
            m.set(t, kinds[t], 3.0);
        }
        return Tensor.constant(m);
    }
    // end::queries-and-keys[]

    static ScaledDotProductAttention.Result attend(AttentionMask mask) {
        // tag::attend[]
        Tensor q = oneHot(LOOKS_FOR);  // (T, d_k) = (5, 4)
        Tensor k = oneHot(IS);         // (S, d_k) = (5, 4)
        // V = I: the output row of a query is its row of weights
        Tensor v = Tensor.constant(CommonOps_DDRM.identity(WORDS.length));
        ScaledDotProductAttention.Result result =
                ScaledDotProductAttention.attend(q, k, v, mask);
        // end::attend[]
        return result;
    }

    static String table(String title, DMatrixRMaj weights) {
        StringBuilder text = new StringBuilder(title).append('\n');
        text.append(String.format(Locale.ROOT, "%-12s", "query \\ key"));
        for (String word : WORDS) {
            text.append(String.format(Locale.ROOT, "%6s", word));
        }
        text.append(String.format(Locale.ROOT, "%7s%n", "sum"));
        for (int t = 0; t < weights.numRows; t++) {
            text.append(String.format(Locale.ROOT, "%-12s", WORDS[t]));
            double sum = 0;
            for (int s = 0; s < weights.numCols; s++) {
                text.append(String.format(Locale.ROOT, "%6.2f",
                        weights.get(t, s)));
                sum += weights.get(t, s);
            }
            text.append(String.format(Locale.ROOT, "%7.2f%n", sum));
        }
        return text.toString();
    }

    static double rowSum(DMatrixRMaj m, int r) {
        double sum = 0;
        for (int c = 0; c < m.numCols; c++) {
            sum += m.get(r, c);
        }
        return sum;
    }

    @Test
    void eachWordFindsTheKindOfWordItLooksFor() throws IOException {
        int n = WORDS.length;
        DMatrixRMaj all = attend(AttentionMask.none(1, n, n)).weights()
                .value();
        DMatrixRMaj causal = attend(AttentionMask.causal(1, n)).weights()
                .value();
        String listing = Listings.write("attention-weights",
                table("no mask: score 3·3/√4 = 4.5 where the kinds match,"
                        + " 0 elsewhere", all)
                + "\n" + table("causal mask: a word sees itself and the"
                        + " words before it", causal));

        for (int t = 0; t < n; t++) {
            assertEquals(1, rowSum(all, t), 1e-12, listing);
            assertEquals(1, rowSum(causal, t), 1e-12, listing);
        }
        // "sat" finds both nouns and cannot tell them apart: no positions
        assertEquals(all.get(2, 1), all.get(2, 4), 1e-15, listing);
        assertTrue(all.get(2, 1) > 0.45, listing);
        // "mat" finds the one preposition
        assertTrue(all.get(4, 3) > 0.95, listing);
        // with the causal mask "sat" sees one noun only, "cat"
        assertTrue(causal.get(2, 1) > 0.95, listing);
        // "cat" looks for a verb that comes later: nothing matches what it
        // may see, so it spreads its weight evenly over "the" and "cat"
        assertEquals(0.5, causal.get(1, 0), 1e-12, listing);
        // V = I, so the output is the weights
        assertTrue(MatrixFeatures_DDRM.isIdentical(all,
                attend(AttentionMask.none(1, n, n)).output().value(), 1e-15));

        Path png = Figures.save(heatMap("Attention weights, no mask", all),
                "attention-weights");
        assertTrue(Files.size(png) > 10_000, "a nearly empty figure");
        Figures.save(heatMap("Attention weights, causal mask", causal),
                "attention-weights-causal");
    }

    @Test
    void masksForABatchOfTwo() {
        // tag::masks[]
        int[] lengths = {4, 2};  // sequence 1 has two padding positions
        AttentionMask padding = AttentionMask.padding(lengths, 4, 4);
        AttentionMask causal = AttentionMask.causal(2, 4);
        AttentionMask both = padding.and(causal);
        // end::masks[]
        String listing = Listings.write("attention-masks",
                "padding, lengths 4 and 2:\n" + padding
                + "\ncausal:\n" + causal
                + "\npadding and causal:\n" + both);
        assertTrue(listing.contains("b1 t3  xx..\n\ncausal"), listing);
        assertTrue(listing.endsWith("b1 t2  xx..\nb1 t3  xx..\n"), listing);
    }

    /** Keys across, queries down (the first query on top), 0 white, 1 dark. */
    static HeatMapChart heatMap(String title, DMatrixRMaj weights) {
        System.setProperty("java.awt.headless", "true");
        HeatMapChart chart = new HeatMapChartBuilder().width(640).height(560)
                .title(title).xAxisTitle("key").yAxisTitle("query").build();
        int n = WORDS.length;
        List<String> keys = List.of(WORDS);
        List<String> queries = new ArrayList<>();
        for (int t = n - 1; t >= 0; t--) {
            queries.add(WORDS[t]);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < n; s++) {
                cells.add(new Number[] {s, n - 1 - t, weights.get(t, s)});
            }
        }
        chart.addSeries("weight", keys, queries, cells);
        chart.getStyler().setMin(0).setMax(1)
                .setRangeColors(new Color[] {Color.WHITE,
                    new Color(0x08, 0x30, 0x6b)})
                .setShowValue(true).setHeatMapValueDecimalPattern("0.00")
                .setValueFontColor(new Color(0xd9, 0x48, 0x01))
                .setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }
}
