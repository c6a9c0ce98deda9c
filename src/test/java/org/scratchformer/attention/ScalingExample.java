package org.scratchformer.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 8's case for the 1/√d_k: with query and key entries of unit
 * variance, a raw score q·k is a sum of d_k products of unit variance, so
 * its variance is d_k; the softmax of such scores puts nearly all weight on
 * one key. Dividing by √d_k brings the variance back to 1 at every width.
 * Writes the listing {@code attention-scaling.txt}.
 */
class ScalingExample {
    static final int[] WIDTHS = {4, 16, 64, 256};
    static final int BATCH = 64;   // B sequences
    static final int LENGTH = 16;  // T = S: 16 queries, 16 keys each
    static final long SEED = 8;
    /** A row counts as saturated when one key takes more than this. */
    static final double SATURATED = 0.99;

    /** What the softmax made of one set of scores. */
    record Weights(double variance, double meanMax, double saturated) {
    }

    // tag::measure[]
    /** Scores (B·T, S) and their softmax, raw or divided by √d_k. */
    static Weights measure(Tensor q, Tensor k, boolean scaled) {
        Tensor scores = new BatchedMatMulTransB(BATCH, 1).apply(q, k);
        if (scaled) {
            scores = Ops.scale(scores, 1 / Math.sqrt(q.cols()));
        }
        DMatrixRMaj weights = Ops.softmax(scores).value();  // (B·T, S)
        return new Weights(variance(scores.value()), meanRowMax(weights),
                shareOfRowsAbove(weights, SATURATED));
    }
    // end::measure[]

    static Tensor unitNormal(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.set(i, random.nextGaussian());  // N(0, 1)
        }
        return Tensor.constant(m);
    }

    static double variance(DMatrixRMaj m) {
        double mean = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            mean += m.get(i);
        }
        mean /= m.getNumElements();
        double sum = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            sum += (m.get(i) - mean) * (m.get(i) - mean);
        }
        return sum / m.getNumElements();
    }

    static double meanRowMax(DMatrixRMaj weights) {
        double sum = 0;
        for (int r = 0; r < weights.numRows; r++) {
            sum += rowMax(weights, r);
        }
        return sum / weights.numRows;
    }

    static double shareOfRowsAbove(DMatrixRMaj weights, double level) {
        int count = 0;
        for (int r = 0; r < weights.numRows; r++) {
            if (rowMax(weights, r) > level) {
                count++;
            }
        }
        return (double) count / weights.numRows;
    }

    static double rowMax(DMatrixRMaj m, int r) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < m.numCols; c++) {
            max = Math.max(max, m.get(r, c));
        }
        return max;
    }

    @Test
    void rawScoresGrowWithTheWidthAndScaledOnesDoNot() {
        Random random = new Random(SEED);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d keys per query, %d query rows; q, k entries ~ N(0, 1)%n%n"
                + "%5s | %-28s | %s%n", LENGTH, BATCH * LENGTH, "",
                "raw scores q·k", "scaled scores q·k/√d_k"));
        text.append(String.format(Locale.ROOT,
                "%5s | %8s %9s %8s | %8s %9s %8s%n", "d_k", "var",
                "mean max", "max>.99", "var", "mean max", "max>.99"));
        Weights[] raw = new Weights[WIDTHS.length];
        Weights[] scaled = new Weights[WIDTHS.length];
        for (int i = 0; i < WIDTHS.length; i++) {
            int dk = WIDTHS[i];
            Tensor q = unitNormal(BATCH * LENGTH, dk, random);  // (B·T, d_k)
            Tensor k = unitNormal(BATCH * LENGTH, dk, random);  // (B·S, d_k)
            raw[i] = measure(q, k, false);
            scaled[i] = measure(q, k, true);
            text.append(String.format(Locale.ROOT,
                    "%5d | %8.2f %9.3f %7.1f%% | %8.2f %9.3f %7.1f%%%n", dk,
                    raw[i].variance(), raw[i].meanMax(),
                    100 * raw[i].saturated(), scaled[i].variance(),
                    scaled[i].meanMax(), 100 * scaled[i].saturated()));
        }
        String listing = Listings.write("attention-scaling", text.toString());

        for (int i = 0; i < WIDTHS.length; i++) {
            // Var(q·k) = d_k, Var(q·k/√d_k) = 1, to sampling error
            assertEquals(WIDTHS[i], raw[i].variance(), 0.15 * WIDTHS[i],
                    listing);
            assertEquals(1, scaled[i].variance(), 0.15, listing);
            assertTrue(scaled[i].saturated() < 0.01, listing);
            if (i > 0) {
                assertTrue(raw[i].meanMax() > raw[i - 1].meanMax(), listing);
                assertTrue(raw[i].saturated() >= raw[i - 1].saturated(),
                        listing);
            }
        }
        // at d_k = 256 most raw rows put more than 99% on a single key
        assertTrue(raw[WIDTHS.length - 1].saturated() > 0.5, listing);
    }
}
