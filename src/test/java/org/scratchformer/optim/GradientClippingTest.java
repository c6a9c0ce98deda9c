package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchformer.nn.Parameter;

class GradientClippingTest {

    static Map<String, Parameter> withGrads(double[] a, double[] b) {
        Parameter pa = OptimizerTest.parameter(new double[a.length]);
        Parameter pb = OptimizerTest.parameter(new double[b.length]);
        OptimizerTest.setGrad(pa, a);
        OptimizerTest.setGrad(pb, b);
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("a", pa);
        params.put("b", pb);
        return params;
    }

    @Test
    void belowTheThresholdNothingChanges() {
        // norm = √(3² + 4² + 0²) = 5
        Map<String, Parameter> params = withGrads(new double[] {3, 4},
                new double[] {0});
        assertEquals(5, GradientClipping.clipByGlobalNorm(params, 6), 0);
        assertArrayEquals(new double[] {3, 4}, params.get("a").grad()
                .getData(), 0);
    }

    @Test
    void aboveTheThresholdEveryGradientShrinksByTheSameFactor() {
        // norm = √(3² + 4² + 12²) = 13; c = 1.3 / (13 + 1e-6)
        Map<String, Parameter> params = withGrads(new double[] {3, 4},
                new double[] {12});
        assertEquals(13, GradientClipping.clipByGlobalNorm(params, 1.3), 0);
        double c = 1.3 / (13 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 4 * c}, params.get("a")
                .grad().getData(), 1e-15);
        assertArrayEquals(new double[] {12 * c}, params.get("b").grad()
                .getData(), 1e-15);
        // the direction is kept, the norm is now just under 1.3
        assertEquals(1.3, GradientClipping.clipByGlobalNorm(params, 100),
                1e-6);
    }

    @Test
    void aTiedParameterCountsOnce() {
        Map<String, Parameter> params = withGrads(new double[] {3, 4},
                new double[] {0});
        params.put("tied", params.get("a"));
        assertEquals(5, GradientClipping.clipByGlobalNorm(params, 1), 0);
        double c = 1 / (5 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 4 * c}, params.get("a")
                .grad().getData(), 1e-15);  // scaled once, not twice
    }

    @Test
    void zeroGradientsStayZero() {
        Map<String, Parameter> params = withGrads(new double[] {0, 0},
                new double[] {0});
        assertEquals(0, GradientClipping.clipByGlobalNorm(params, 1), 0);
        assertArrayEquals(new double[] {0, 0}, params.get("a").grad()
                .getData(), 0);
    }

    @Test
    void noParametersHaveTheNormZero() {
        assertEquals(0.0, GradientClipping.clipByGlobalNorm(Map.of(), 1.0));
    }

    @Test
    void aNonFiniteGradientIsNamedNotClipped() {
        Map<String, Parameter> params = withGrads(new double[] {1, 2},
                new double[] {Double.NaN});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GradientClipping.clipByGlobalNorm(params, 1));
        assertEquals("clipByGlobalNorm: the gradient of b holds NaN at"
                + " element 0; a norm of non-finite gradients cannot be"
                + " clipped", e.getMessage());
    }

    @Test
    void theThresholdMustBePositive() {
        Map<String, Parameter> params = withGrads(new double[] {1},
                new double[] {1});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GradientClipping.clipByGlobalNorm(params, 0));
        assertEquals("clipByGlobalNorm: maxNorm must be a positive finite"
                + " number, got 0.0", e.getMessage());
    }
}
