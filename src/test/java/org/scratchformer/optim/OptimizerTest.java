package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.nn.Parameter;

/** Single steps computed by hand, and the checks of the hyperparameters. */
class OptimizerTest {

    static Parameter parameter(double... values) {
        return new Parameter(new DMatrixRMaj(1, values.length, true,
                values));
    }

    static Map<String, Parameter> named(Parameter... ps) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (int i = 0; i < ps.length; i++) {
            map.put("p" + i, ps[i]);
        }
        return map;
    }

    static void setGrad(Parameter p, double... values) {
        p.grad().setTo(new DMatrixRMaj(1, values.length, true, values));
    }

    static double[] values(Parameter p) {
        return p.value().getData().clone();
    }

    // --- SGD ---

    @Test
    void sgdWithMomentumAndDecayTwoStepsByHand() {
        Parameter p = parameter(1, -2);
        Sgd sgd = new Sgd(named(p), 0.1, 0.9, 0.1);
        setGrad(p, 0.5, 0.25);
        sgd.step();
        // g = (0.5 + 0.1·1, 0.25 + 0.1·(−2)) = (0.6, 0.05); buf = g
        assertArrayEquals(new double[] {0.94, -2.005}, values(p), 1e-15);
        setGrad(p, -1, 0);
        sgd.step();
        // g = (−1 + 0.094, 0 − 0.2005); buf = 0.9·(0.6, 0.05) + g
        //   = (−0.366, −0.1555); p = p − 0.1·buf
        assertArrayEquals(new double[] {0.9766, -1.98945}, values(p), 1e-15);
    }

    @Test
    void plainSgdStepsAgainstTheGradient() {
        Parameter p = parameter(3);
        Sgd sgd = new Sgd(named(p), 0.5);
        setGrad(p, 2);
        sgd.step();
        sgd.step();  // no momentum: the same gradient, the same step
        assertArrayEquals(new double[] {1}, values(p), 0);
    }

    // --- Adam and AdamW ---

    @Test
    void adamsFirstStepIsTheLearningRateTimesTheSign() {
        // m̂ = g and v̂ = g² at t = 1, so p −= lr·g / (|g| + ε)
        Parameter p = parameter(1, -2);
        Adam adam = new Adam(named(p), 0.1);
        setGrad(p, 0.5, -0.001);
        adam.step();
        assertArrayEquals(new double[] {1 - 0.1 * 0.5 / (0.5 + 1e-8),
            -2 + 0.1 * 0.001 / (0.001 + 1e-8)}, values(p), 1e-15);
    }

    @Test
    void adamsSecondStepWithBiasCorrectionByHand() {
        Parameter p = parameter(0);
        Adam adam = new Adam(named(p), 0.01, 0.5, 0.75, 1e-8, 0);
        setGrad(p, 2);
        adam.step();
        setGrad(p, -2);
        adam.step();
        // t=1: m = 1, v = 1; m̂ = 2, v̂ = 4; p = −0.01·2/(2 + ε)
        // t=2: m = 0.5 − 1 = −0.5, v = 0.75 + 1 = 1.75
        //      m̂ = −0.5/0.75, v̂ = 1.75/0.4375 = 4
        double first = -0.01 * 2 / (2 + 1e-8);
        double second = -0.01 * (-0.5 / 0.75) / (2 + 1e-8);
        assertEquals(first + second, p.value().get(0), 1e-16);
    }

    @Test
    void adamCouplesTheDecayAdamWDecouplesIt() {
        // a zero gradient and wd = 0.5, lr = 0.1:
        // Adam sees g = wd·p = 0.5 and moves p by about lr;
        // AdamW shrinks p by 1 − lr·wd and the moments move nothing
        Parameter coupled = parameter(1);
        new Adam(named(coupled), 0.1, 0.9, 0.999, 1e-8, 0.5).step();
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), coupled.value().get(0),
                1e-15);
        Parameter decoupled = parameter(1);
        new AdamW(named(decoupled), 0.1, 0.9, 0.999, 1e-8, 0.5).step();
        assertEquals(0.95, decoupled.value().get(0), 1e-15);
    }

    @Test
    void adamWDecaysFirstThenTakesTheAdamStep() {
        Parameter p = parameter(2);
        AdamW adamW = new AdamW(named(p), 0.1, 0.9, 0.999, 1e-8, 0.25);
        setGrad(p, -3);
        adamW.step();
        // p = 2·(1 − 0.025) = 1.95, then + 0.1·3/(3 + ε)
        assertEquals(1.95 + 0.1 * 3 / (3 + 1e-8), p.value().get(0), 1e-15);
    }

    @Test
    void adamWDefaultsToPyTorchsDecay() {
        Parameter p = parameter(1);
        new AdamW(named(p), 0.1).step();  // grad 0: only the decay acts
        assertEquals(1 - 0.1 * 0.01, p.value().get(0), 1e-15);
    }

    // --- what every optimizer shares ---

    static List<Function<Map<String, Parameter>, Optimizer>> all() {
        return List.of(m -> new Sgd(m, 0.1, 0.9, 0.01),
                m -> new Adam(m, 0.1), m -> new AdamW(m, 0.1));
    }

    @Test
    void aTiedParameterIsUpdatedOnce() {
        for (Function<Map<String, Parameter>, Optimizer> make : all()) {
            Parameter shared = parameter(1);
            Parameter alone = parameter(1);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("embedding", shared);
            params.put("other", alone);
            params.put("output", shared);  // the same weight, tied
            Optimizer optimizer = make.apply(params);
            assertEquals(List.of("embedding", "other"), List.copyOf(
                    optimizer.parameters().keySet()));
            setGrad(shared, 0.5);
            setGrad(alone, 0.5);
            optimizer.step();
            assertEquals(alone.value().get(0), shared.value().get(0), 0,
                    optimizer.getClass().getSimpleName());
        }
    }

    @Test
    void zeroGradClearsEveryGradientAndStepsAreCounted() {
        Parameter a = parameter(1, 2);
        Parameter b = parameter(3);
        Optimizer optimizer = new Adam(named(a, b), 0.1);
        setGrad(a, 1, 1);
        setGrad(b, 1);
        optimizer.step();
        optimizer.step();
        optimizer.zeroGrad();
        assertEquals(2, optimizer.stepCount());
        assertArrayEquals(new double[] {0, 0}, a.grad().getData(), 0);
        assertArrayEquals(new double[] {0}, b.grad().getData(), 0);
    }

    @Test
    void theLearningRateCanBeChangedBetweenSteps() {
        Parameter p = parameter(0);
        Sgd sgd = new Sgd(named(p), 1);
        setGrad(p, 1);
        sgd.setLearningRate(0.25);
        sgd.step();
        assertEquals(-0.25, p.value().get(0), 0);
        sgd.setLearningRate(0);  // a schedule may end at zero
        sgd.step();
        assertEquals(-0.25, p.value().get(0), 0);
    }

    // --- errors ---

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run)
                .getMessage();
    }

    @ParameterizedTest(name = "lr={0}")
    @ValueSource(doubles = {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void aLearningRateMustBePositiveAndFinite(double lr) {
        Map<String, Parameter> params = named(parameter(1));
        assertEquals("SGD: the learning rate must be a positive finite"
                + " number, got " + lr, message(() -> new Sgd(params, lr)));
        assertTrue(message(() -> new Adam(params, lr)).startsWith("Adam:"));
        assertTrue(message(() -> new AdamW(params, lr)).startsWith(
                "AdamW:"));
    }

    @Test
    void hyperparametersOutsideTheirRangeAreNamed() {
        Map<String, Parameter> params = named(parameter(1));
        assertEquals("SGD: momentum must be in [0, 1), got 1.0",
                message(() -> new Sgd(params, 0.1, 1, 0)));
        assertEquals("SGD: weight decay must be a finite number ≥ 0, got"
                + " -0.1", message(() -> new Sgd(params, 0.1, 0.9, -0.1)));
        assertEquals("Adam: beta1 must be in [0, 1), got -0.5",
                message(() -> new Adam(params, 0.1, -0.5, 0.9, 1e-8, 0)));
        assertEquals("Adam: beta2 must be in [0, 1), got 1.0",
                message(() -> new Adam(params, 0.1, 0.9, 1, 1e-8, 0)));
        assertEquals("AdamW: eps must be a positive finite number, got 0.0",
                message(() -> new AdamW(params, 0.1, 0.9, 0.99, 0, 0)));
        assertEquals("AdamW: weight decay must be a finite number ≥ 0, got"
                + " NaN", message(() -> new AdamW(params, 0.1, 0.9, 0.99,
                        1e-8, Double.NaN)));
        assertEquals("SGD: the learning rate must be a finite number ≥ 0,"
                + " got -1.0", message(() -> new Sgd(params, 0.1)
                        .setLearningRate(-1)));
    }

    @Test
    void anOptimizerNeedsParameters() {
        assertEquals("Adam: no parameters to optimize",
                message(() -> new Adam(Map.of(), 0.1)));
    }
}
