package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;
import org.scratchformer.book.Figures;
import org.scratchformer.book.Listings;

/**
 * Chapter 10's positional encoding: the listing
 * {@code positional-encoding.txt} (a small table and the wavelengths of
 * its column pairs) and the figure {@code positional-encoding.png} (the
 * table for 100 positions and width 64 as a heat map).
 */
class PositionalEncodingExample {

    static String smallTable() {
        // tag::small-table[]
        PositionalEncoding encoding = new PositionalEncoding(8);
        DMatrixRMaj pe = encoding.table(6);  // (T, C) = (6, 8)
        // end::small-table[]
        StringBuilder text = new StringBuilder("pos");
        for (int i = 0; i < 4; i++) {
            text.append(String.format(Locale.ROOT, " %8s %8s", "sin ω" + i,
                    "cos ω" + i));
        }
        text.append('\n');
        for (int pos = 0; pos < pe.numRows; pos++) {
            text.append(String.format(Locale.ROOT, "%3d", pos));
            for (int col = 0; col < pe.numCols; col++) {
                text.append(String.format(Locale.ROOT, " %8.4f",
                        pe.get(pos, col)));
            }
            text.append('\n');
        }
        text.append("\npair i   ω = 10000^(-2i/8)   wavelength 2π/ω\n");
        for (int i = 0; i < 4; i++) {
            double omega = encoding.frequency(i);
            text.append(String.format(Locale.ROOT, "%6d   %17.3f   %15.1f%n",
                    i, omega, 2 * Math.PI / omega));
        }
        return text.toString();
    }

    @Test
    void listingOfASmallTable() {
        String text = Listings.write("positional-encoding", smallTable());
        // position 1, pair 0: sin 1 and cos 1
        assertTrue(text.contains("\n  1   0.8415   0.5403   0.0998"), text);
        // pair 3 turns once every 2000π ≈ 6283 positions
        assertTrue(text.contains("     3               0.001"
                + "            6283.2"), text);
    }

    @Test
    void heatMapOf100PositionsAndWidth64() throws IOException {
        int positions = 100;
        int width = 64;
        DMatrixRMaj pe = new PositionalEncoding(width).table(positions);
        Path png = save(heatMap(pe), "positional-encoding");
        assertTrue(Files.size(png) > 10_000, "a nearly empty figure");
    }

    /** Columns across, positions down, −1 blue to +1 red. */
    static HeatMapChart heatMap(DMatrixRMaj pe) {
        System.setProperty("java.awt.headless", "true");
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(500)
                .title("Sinusoidal positional encoding, T = " + pe.numRows
                        + ", C = " + pe.numCols)
                .xAxisTitle("column (2i: sine, 2i + 1: cosine)")
                .yAxisTitle("position").build();
        List<Integer> cols = new ArrayList<>();
        for (int col = 0; col < pe.numCols; col++) {
            cols.add(col);
        }
        List<Integer> rows = new ArrayList<>();
        for (int pos = 0; pos < pe.numRows; pos++) {
            rows.add(pos);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int pos = 0; pos < pe.numRows; pos++) {
            for (int col = 0; col < pe.numCols; col++) {
                cells.add(new Number[] {col, pos, pe.get(pos, col)});
            }
        }
        chart.addSeries("PE(pos, column)", cols, rows, cells);
        chart.getStyler().setMin(-1).setMax(1)
                .setRangeColors(new Color[] {Color.BLUE, Color.WHITE,
                    Color.RED})
                .setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /** As {@link Figures#save}, for a heat map. */
    static Path save(HeatMapChart chart, String name) {
        try {
            Files.createDirectories(Figures.DIR);
            Path file = Figures.DIR.resolve(name + ".png");
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png",
                    file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + name, e);
        }
    }
}
