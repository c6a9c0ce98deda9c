package org.scratchformer.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Where {@code *Example} tests write the figures the book shows:
 * {@code target/figures/NAME.png}, shown by the chapters as
 * {@code image::{figuresdir}/NAME.png[]}. Charts are drawn headless.
 */
public final class Figures {
    public static final Path DIR = Path.of("target", "figures");

    private Figures() {
    }

    /** A line chart of the book's size and style, with no data yet. */
    public static XYChart lineChart(String title, String xTitle, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /** Adds a line without markers. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /**
     * Writes {@code chart} (a line chart, a heat map, any XChart chart) as
     * {@code target/figures/NAME.png}.
     */
    public static Path save(Chart<?, ?> chart, String name) {
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".png");
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png",
                    file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + name, e);
        }
    }
}
