package org.scratchformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training loss over the steps and the validation exact match, as a
 * PNG (XChart, headless): the loss on the left axis, the exact match on
 * the right.
 */
final class LossPlot {
    private LossPlot() {
    }

    /** Points are {step, value} pairs; either list may be empty. */
    static Path write(Path file, List<double[]> losses,
            List<double[]> validations) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Training loss and validation exact match")
                .xAxisTitle("step").build();
        chart.setYAxisGroupTitle(0, "label-smoothed cross-entropy");
        chart.setYAxisGroupTitle(1, "validation exact match");
        // XChart puts the step ticks on data points (1, 43, 85, ...) when
        // the x values, in the order the series were added, are equally
        // spaced, as every step's are; with the validation steps first
        // they are not, and it picks round steps (0, 100, 200, ...)
        if (!validations.isEmpty()) {
            XYSeries valid = chart.addSeries("validation exact match",
                    column(validations, 0), column(validations, 1));
            valid.setYAxisGroup(1);
            valid.setMarker(SeriesMarkers.CIRCLE);
        }
        if (!losses.isEmpty()) {
            XYSeries loss = chart.addSeries("training loss", column(losses, 0),
                    column(losses, 1));
            loss.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0).setYAxisMax(1, 1.0);
        ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png",
                file.toFile());
        return file;
    }

    /** Element i of every point. */
    static double[] column(List<double[]> points, int i) {
        double[] out = new double[points.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = points.get(k)[i];
        }
        return out;
    }
}
