package org.scratchformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** The training loss over the steps, as a PNG (XChart, headless). */
final class LossPlot {
    private LossPlot() {
    }

    static Path write(Path file, List<double[]> points) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Training loss").xAxisTitle("step")
                .yAxisTitle("label-smoothed cross-entropy").build();
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        if (x.length > 0) {
            chart.addSeries("loss", x, y).setMarker(
                    org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        chart.getStyler().setLegendVisible(false);
        javax.imageio.ImageIO.write(BitmapEncoder.getBufferedImage(chart),
                "png", file.toFile());
        return file;
    }
}
