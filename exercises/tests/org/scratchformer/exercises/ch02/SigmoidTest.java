package org.scratchformer.exercises.ch02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.finitediff.FiniteDifferences;
import org.scratchformer.scalar.Value;

@ExtendWith(CaseNames.class)
class SigmoidTest {

    @Test
    void halfAndAQuarterAtZero() {
        Value a = new Value(0);
        Value out = Sigmoid.sigmoid(a);
        out.backward();
        assertEquals(0.5, out.data(), 1e-15);
        assertEquals(0.25, a.grad(), 1e-15);
    }

    @Test
    void isANodeOfTheGraph() {
        Value a = new Value(1.5);
        Value out = Sigmoid.sigmoid(a);
        assertEquals("sigmoid", out.op());
        assertEquals(1, out.inputs().size());
        assertSame(a, out.inputs().get(0));
    }

    @Test
    void symmetry() {
        // σ(−a) = 1 − σ(a), and the slope is the same at a and −a
        Value a = new Value(1.3);
        Value minusA = new Value(-1.3);
        Value s = Sigmoid.sigmoid(a);
        Value t = Sigmoid.sigmoid(minusA);
        s.backward();
        t.backward();
        assertEquals(1 - s.data(), t.data(), 1e-15);
        assertEquals(a.grad(), minusA.grad(), 1e-15);
    }

    @Test
    void staysFiniteForLargeInputs() {
        for (double x : new double[] {-800, -40, 40, 800}) {
            Value a = new Value(x);
            Value out = Sigmoid.sigmoid(a);
            out.backward();
            assertTrue(Double.isFinite(out.data()), "σ(" + x + ")");
            assertTrue(Double.isFinite(a.grad()), "dσ/da at " + x);
            assertEquals(x > 0 ? 1 : 0, out.data(), 1e-15, "σ(" + x + ")");
            assertEquals(0, a.grad(), 1e-15, "dσ/da at " + x);
        }
    }

    static LongStream seeds() {
        return LongStream.range(1, 11);
    }

    // L = σ(a · b) + a against central differences: a also takes a path
    // around the sigmoid, so its two gradients must add up
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void matchesFiniteDifferencesInAGraph(long seed) {
        Random random = new Random(seed);
        double[] x = {2 * random.nextGaussian(), random.nextGaussian()};
        Value a = new Value(x[0]);
        Value b = new Value(x[1]);
        Sigmoid.sigmoid(a.mul(b)).add(a).backward();
        double[] expected = FiniteDifferences.gradient(
                v -> 1 / (1 + Math.exp(-v[0] * v[1])) + v[0], x, 1e-6);
        assertEquals(expected[0], a.grad(), 1e-7, "seed=" + seed + ", dL/da");
        assertEquals(expected[1], b.grad(), 1e-7, "seed=" + seed + ", dL/db");
    }
}
