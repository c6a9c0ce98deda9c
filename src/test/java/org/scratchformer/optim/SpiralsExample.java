package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.scratchformer.book.Figures;
import org.scratchformer.book.Listings;
import org.scratchformer.nn.Module;
import org.scratchformer.nn.Linear;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 7's end-to-end example: a small network learns to tell two
 * interleaved spirals apart, with cross-entropy, Adam, a cosine schedule
 * and clipping. Writes the listing {@code spirals.txt} and the figure
 * {@code spirals-loss.png}.
 */
class SpiralsExample {
    static final int POINTS_PER_CLASS = 100;
    static final int HIDDEN = 32;
    static final int STEPS = 400;
    static final int REPORT_EVERY = 40;
    static final long SEED = 7;

    /** The points (2N, 2) and their classes (2N, 1), 0 or 1. */
    record Data(Tensor points, Tensor classes) {
    }

    // tag::data[]
    /** Class c's point i: radius t, angle 4π·t + c·π, t = i/n, plus noise. */
    static Data spirals(int n, Random random) {
        DMatrixRMaj points = new DMatrixRMaj(2 * n, 2);  // (2N, 2)
        DMatrixRMaj classes = new DMatrixRMaj(2 * n, 1);  // (2N, 1)
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                double t = (i + 1.0) / n;
                double angle = 4 * Math.PI * t + c * Math.PI;
                int row = c * n + i;
                points.set(row, 0, t * Math.cos(angle)
                        + 0.02 * random.nextGaussian());
                points.set(row, 1, t * Math.sin(angle)
                        + 0.02 * random.nextGaussian());
                classes.set(row, 0, c);
            }
        }
        return new Data(Tensor.constant(points), Tensor.constant(classes));
    }
    // end::data[]

    // tag::model[]
    /** 2 → H → H → 2 with tanh: logits (B, 2) = f(points (B, 2)). */
    static final class SpiralNet extends Module {
        final Linear first;
        final Linear second;
        final Linear out;

        SpiralNet(int hidden, Random random) {
            first = child("first", new Linear(2, hidden, random));
            second = child("second", new Linear(hidden, hidden, random));
            out = child("out", new Linear(hidden, 2, random));
        }

        Tensor logits(Tensor x) {
            Tensor h1 = Ops.tanh(first.forward(x));    // (B, H)
            Tensor h2 = Ops.tanh(second.forward(h1));  // (B, H)
            return out.forward(h2);                    // (B, 2)
        }
    }
    // end::model[]

    @SuppressWarnings("try")  // the no-grad scope is opened for its effect
    static double accuracy(SpiralNet net, Data data) {
        DMatrixRMaj logits;
        try (NoGrad scope = NoGrad.enter()) {
            logits = net.logits(data.points()).value();
        }
        int right = 0;
        for (int n = 0; n < logits.numRows; n++) {
            int predicted = logits.get(n, 1) > logits.get(n, 0) ? 1 : 0;
            if (predicted == (int) data.classes().get(n, 0)) {
                right++;
            }
        }
        return (double) right / logits.numRows;
    }

    @Test
    void aSmallNetworkSeparatesTheSpirals() throws Exception {
        Random random = new Random(SEED);
        Data data = spirals(POINTS_PER_CLASS, random);
        SpiralNet net = new SpiralNet(HIDDEN, random);
        // tag::training-loop[]
        LearningRateSchedule schedule = new CosineWithWarmup(0.1, 40,
                STEPS, 0.001);
        Adam adam = new Adam(net.parameters(), schedule.rate(1));
        double[] losses = new double[STEPS];
        StringBuilder listing = new StringBuilder(String.format(Locale.ROOT,
                "%5s %9s %8s %6s %9s%n", "step", "lr", "loss", "norm",
                "accuracy"));
        for (int t = 1; t <= STEPS; t++) {
            adam.zeroGrad();
            Tensor loss = Losses.crossEntropy(net.logits(data.points()),
                    data.classes());
            loss.backward();
            double norm = GradientClipping.clipByGlobalNorm(
                    net.parameters(), 1.0);
            adam.setLearningRate(schedule.rate(t));
            adam.step();
            losses[t - 1] = loss.item();
            if (t == 1 || t % REPORT_EVERY == 0) {
                listing.append(String.format(Locale.ROOT,
                        "%5d %9.2e %8.4f %6.3f %8.1f%%%n", t,
                        adam.learningRate(), loss.item(), norm,
                        100 * accuracy(net, data)));
            }
        }
        // end::training-loop[]
        Listings.write("spirals", listing.toString());
        Path png = Figures.save(lossCurve(losses), "spirals-loss");
        assertTrue(Files.size(png) > 10_000, "a nearly empty figure");

        double accuracy = accuracy(net, data);
        assertTrue(accuracy >= 0.95, "training accuracy " + accuracy
                + " after " + STEPS + " steps; listing:\n" + listing);
        assertTrue(losses[STEPS - 1] < 0.1 * losses[0], "the loss fell from "
                + losses[0] + " only to " + losses[STEPS - 1]);
    }

    static XYChart lossCurve(double[] losses) {
        XYChart chart = Figures.lineChart("Two spirals: training loss",
                "step", "cross-entropy");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) losses.length)
                .setXAxisDecimalPattern("0").setYAxisMin(0.0)
                .setLegendVisible(false);
        // step 1, then every 5th step: the axis gets round tick labels
        double[] steps = new double[1 + losses.length / 5];
        double[] values = new double[steps.length];
        steps[0] = 1;
        values[0] = losses[0];
        for (int i = 1; i < steps.length; i++) {
            steps[i] = 5 * i;
            values[i] = losses[5 * i - 1];
        }
        Figures.line(chart, "loss", steps, values);
        return chart;
    }
}
