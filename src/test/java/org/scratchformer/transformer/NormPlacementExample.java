package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.book.Figures;
import org.scratchformer.book.Listings;
import org.scratchformer.nn.Parameter;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 10's measurement of post-LN against pre-LN at initialisation: the
 * gradient norm of each layer's parameters in a stack of encoder layers,
 * and that of the last layer as the stack gets deeper, each averaged over a
 * few random inputs. Writes the listing {@code norm-placement.txt} and the
 * figure {@code norm-placement.png}.
 */
class NormPlacementExample {
    static final int LAYERS = 6;
    static final int[] DEPTHS = {2, 4, 8, 16};
    static final int MODEL = 32;  // C
    static final int HEADS = 4;
    static final int FEED_FORWARD = 128;
    static final int BATCH = 4;
    static final int LENGTH = 16;
    static final int TRIALS = 3;
    static final long SEED = 10;

    /** Per layer: ‖dL/dθ‖ of its parameters and the rms of its input. */
    record Measurement(double[] gradientNorms, double[] inputRms) {
    }

    // tag::gradient-norms[]
    /**
     * ‖dL/dθ‖ over the parameters θ of each layer, for L = Σ Y ⊙ R / (B·T)
     * with Y the stack's output and X, R random: a loss that reads every
     * output element with a random weight.
     */
    static Measurement measure(NormPlacement norm, int layers,
            Random random) {
        LayerConfig config = LayerConfig.of(MODEL, HEADS, FEED_FORWARD, 0.0)
                .withNorm(norm);
        Encoder encoder = new Encoder(layers, config, random);
        Tensor x = normal(BATCH * LENGTH, MODEL, random);  // (B·T, C)
        Tensor r = normal(BATCH * LENGTH, MODEL, random);  // (B·T, C)
        AttentionMask mask = AttentionMask.none(BATCH, LENGTH, LENGTH);
        Tensor y = encoder.forward(x, mask);
        Ops.scale(Ops.sum(Ops.mul(y, r)), 1.0 / (BATCH * LENGTH)).backward();
        double[] squares = new double[layers];
        for (Map.Entry<String, Parameter> p : encoder.parameters()
                .entrySet()) {
            if (p.getKey().startsWith("layers.")) {  // layers.i.…
                int layer = Integer.parseInt(p.getKey().split("\\.")[1]);
                double n = NormOps_DDRM.normF(p.getValue().grad());
                squares[layer] += n * n;
            }
        }
        double[] norms = new double[layers];
        for (int i = 0; i < layers; i++) {
            norms[i] = Math.sqrt(squares[i]);
        }
        return new Measurement(norms, inputRms(encoder, x, mask));
    }
    // end::gradient-norms[]

    /** The root mean square of each layer's input X_i. */
    @SuppressWarnings("try")  // the scope only switches the graph off
    static double[] inputRms(Encoder encoder, Tensor x, AttentionMask mask) {
        List<EncoderLayer> layers = encoder.layers();
        double[] rms = new double[layers.size()];
        try (NoGrad scope = NoGrad.enter()) {
            for (int i = 0; i < layers.size(); i++) {
                DMatrixRMaj v = x.value();
                rms[i] = NormOps_DDRM.normF(v)
                        / Math.sqrt(v.getNumElements());
                x = layers.get(i).forward(x, mask);
            }
        }
        return rms;
    }

    static Tensor normal(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.set(i, random.nextGaussian());
        }
        return Tensor.constant(m);
    }

    /** Each number averaged over {@link #TRIALS} seeded trials. */
    static Measurement mean(NormPlacement norm, int layers) {
        double[] norms = new double[layers];
        double[] rms = new double[layers];
        for (int trial = 0; trial < TRIALS; trial++) {
            Measurement m = measure(norm, layers, new Random(SEED + trial));
            for (int i = 0; i < layers; i++) {
                norms[i] += m.gradientNorms()[i] / TRIALS;
                rms[i] += m.inputRms()[i] / TRIALS;
            }
        }
        return new Measurement(norms, rms);
    }

    static double spread(double[] norms) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double n : norms) {
            max = Math.max(max, n);
            min = Math.min(min, n);
        }
        return max / min;
    }

    @Test
    void postLnGradientsStayEvenPreLnOnesFallWithDepth() throws Exception {
        Measurement post = mean(NormPlacement.POST, LAYERS);
        Measurement pre = mean(NormPlacement.PRE, LAYERS);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d encoder layers, d_model %d, %d heads, d_ff %d; mean of"
                + " %d random inputs X, R%n"
                + "L = Σ Y ⊙ R / (B·T) at initialisation%n%n"
                + "%5s | %10s %9s | %10s%n", LAYERS, MODEL, HEADS,
                FEED_FORWARD, TRIALS, "", "post-LN", "", "pre-LN"));
        text.append(String.format(Locale.ROOT,
                "%5s | %10s %9s | %10s %9s%n", "layer", "‖dL/dθ‖",
                "rms X_i", "‖dL/dθ‖", "rms X_i"));
        for (int i = 0; i < LAYERS; i++) {
            text.append(String.format(Locale.ROOT,
                    "%5d | %10.3f %9.3f | %10.3f %9.3f%n", i + 1,
                    post.gradientNorms()[i], post.inputRms()[i],
                    pre.gradientNorms()[i], pre.inputRms()[i]));
        }
        double[] postGrads = post.gradientNorms();
        double[] preGrads = pre.gradientNorms();
        text.append(String.format(Locale.ROOT, "%nmax/min ‖dL/dθ‖:"
                + " post-LN %.2f, pre-LN %.2f%n", spread(postGrads),
                spread(preGrads)));

        text.append(String.format(Locale.ROOT, "%nthe last layer's ‖dL/dθ‖"
                + " as the stack gets deeper%n%6s %9s %9s %12s%n", "layers",
                "post-LN", "pre-LN", "pre-LN·√N"));
        double[] lastPost = new double[DEPTHS.length];
        double[] lastPre = new double[DEPTHS.length];
        for (int d = 0; d < DEPTHS.length; d++) {
            int n = DEPTHS[d];
            lastPost[d] = mean(NormPlacement.POST, n).gradientNorms()[n - 1];
            lastPre[d] = mean(NormPlacement.PRE, n).gradientNorms()[n - 1];
            text.append(String.format(Locale.ROOT, "%6d %9.3f %9.3f %12.3f%n",
                    n, lastPost[d], lastPre[d], lastPre[d] * Math.sqrt(n)));
        }
        String listing = Listings.write("norm-placement", text.toString());

        XYChart chart = Figures.lineChart("Gradient norm per layer at"
                + " initialisation, " + LAYERS + " encoder layers", "layer",
                "‖dL/dθ‖ of the layer's parameters");
        double[] layers = new double[LAYERS];
        for (int i = 0; i < LAYERS; i++) {
            layers[i] = i + 1;
        }
        chart.getStyler().setYAxisMin(0.0).setXAxisDecimalPattern("0")
                .setMarkerSize(8).setLegendPosition(LegendPosition.InsideNE);
        Figures.line(chart, "post-LN", layers, postGrads)
                .setMarker(SeriesMarkers.CIRCLE);
        Figures.line(chart, "pre-LN", layers, preGrads)
                .setMarker(SeriesMarkers.SQUARE);
        Path png = Figures.save(chart, "norm-placement");
        assertTrue(Files.size(png) > 10_000, "a nearly empty figure");

        // post-LN: every layer's input is a LayerNorm's output (rms 1), and
        // the gradients are even across layers and across depths
        assertTrue(spread(postGrads) < 1.4, listing);
        assertTrue(spread(lastPost) < 1.15, listing);
        // pre-LN: the residual stream grows, each layer's gradient falls
        for (int i = 1; i < LAYERS; i++) {
            assertTrue(pre.inputRms()[i] > pre.inputRms()[i - 1], listing);
            assertTrue(preGrads[i] < preGrads[i - 1], listing);
        }
        assertTrue(preGrads[0] / preGrads[LAYERS - 1] > 1.8, listing);
        assertTrue(spread(preGrads) > 1.5 * spread(postGrads), listing);
        // and the last layer's falls like 1/√N with the depth N
        double[] scaled = new double[DEPTHS.length];
        for (int d = 0; d < DEPTHS.length; d++) {
            scaled[d] = lastPre[d] * Math.sqrt(DEPTHS[d]);
            if (d > 0) {
                assertTrue(lastPre[d] < lastPre[d - 1], listing);
            }
        }
        assertTrue(spread(scaled) < 1.3, listing);
    }
}
