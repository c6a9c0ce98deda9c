package org.scratchformer.exercises.ch07;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdamStepTest {
    static final double LR = 0.1;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    @Test
    void theFirstStepMovesEachWeightByAboutTheLearningRate() {
        // t = 1: m̂ = g and v̂ = g², so p −= lr·g/(|g| + ε)
        double[] p = {1, -2, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];
        AdamStep.step(p, new double[] {0.5, -0.001, 0}, m, v, 1, LR, BETA1,
                BETA2, EPS);
        assertArrayEquals(new double[] {0.900000002, -1.90000099999, 0.5}, p,
                1e-12, "p after step 1");
        assertArrayEquals(new double[] {0.05, -0.0001, 0}, m, 1e-15,
                "m = (1 − β₁)·g");
        assertArrayEquals(new double[] {0.00025, 1e-9, 0}, v, 1e-15,
                "v = (1 − β₂)·g²");
    }

    @Test
    void threeStepsMatchPyTorch() {
        // torch.optim.Adam(lr=0.1), float64, the same three gradients
        double[] p = {1, -2, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];
        double[][] grads = {{0.5, -0.001, 0}, {0.25, 0.002, -1},
            {-0.5, 0.003, -1}};
        double[][] expected = {{0.900000002, -1.90000099999, 0.5},
            {0.8067820404774624, -1.9366111211855885, 0.5744136813045929},
            {0.7957037336010943, -2.004746721807712, 0.6602599358300053}};
        for (int t = 1; t <= 3; t++) {
            AdamStep.step(p, grads[t - 1], m, v, t, LR, BETA1, BETA2, EPS);
            assertArrayEquals(expected[t - 1], p, 1e-12, "p after step " + t);
        }
        assertArrayEquals(new double[] {0.013, 0.000399, -0.19}, m, 1e-15);
        assertArrayEquals(new double[] {0.00056193775, 1.3994001e-08,
            0.001999}, v, 1e-15);
    }

    @Test
    void biasCorrectionMakesTheFirstStepTheSameForAnyScale() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double g = Math.pow(10, -3 + 5 * random.nextDouble());
            double[] p = {0};
            AdamStep.step(p, new double[] {g}, new double[1], new double[1],
                    1, LR, BETA1, BETA2, EPS);
            assertEquals(-LR, p[0], 1e-6, "gradient " + g);
        }
    }

    @Test
    void theGradientIsNotModified() {
        double[] g = {0.5, -0.25};
        AdamStep.step(new double[2], g, new double[2], new double[2], 1, LR,
                BETA1, BETA2, EPS);
        assertArrayEquals(new double[] {0.5, -0.25}, g, 0);
    }
}
