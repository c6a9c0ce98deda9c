package org.scratchformer.exercises.ch02;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
class TanhBackwardTest {

    /** out = tanh(a) with the closure under test. */
    private static Value tanh(Value a) {
        Value out = Value.fromOp(Math.tanh(a.data()), "tanh", a);
        out.setBackward(TanhBackward.closure(a, out));
        return out;
    }

    @Test
    void slopeIsOneAtZero() {
        Value a = new Value(0);
        tanh(a).backward();
        assertEquals(1, a.grad(), 1e-12);
    }

    @Test
    void slopeIsOneMinusTanhSquared() {
        Value a = new Value(0.4);
        tanh(a).backward();
        double t = Math.tanh(0.4);
        assertEquals(1 - t * t, a.grad(), 1e-12);
    }

    @Test
    void multipliesByTheGradientFromAbove() {
        // L = 3 tanh(a);  dL/da = 3 (1 − tanh² a)
        Value a = new Value(-0.7);
        tanh(a).mul(3).backward();
        double t = Math.tanh(-0.7);
        assertEquals(3 * (1 - t * t), a.grad(), 1e-12);
    }

    @Test
    void addsToWhatAlreadyArrived() {
        // L = tanh(a) + a;  dL/da = (1 − tanh² a) + 1
        Value a = new Value(0.9);
        tanh(a).add(a).backward();
        double t = Math.tanh(0.9);
        assertEquals(1 - t * t + 1, a.grad(), 1e-12);
    }

    @Test
    void doesNothingBeforeBackward() {
        Value a = new Value(0.9);
        tanh(a);
        assertEquals(0, a.grad(), "the closure ran before backward()");
    }

    static LongStream seeds() {
        return LongStream.range(1, 11);
    }

    // L = tanh(a · b) · a against central differences
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void matchesFiniteDifferencesInAGraph(long seed) {
        Random random = new Random(seed);
        double[] x = {2 * random.nextGaussian(), random.nextGaussian()};
        Value a = new Value(x[0]);
        Value b = new Value(x[1]);
        tanh(a.mul(b)).mul(a).backward();
        double[] expected = FiniteDifferences.gradient(
                v -> Math.tanh(v[0] * v[1]) * v[0], x, 1e-6);
        assertEquals(expected[0], a.grad(), 1e-7, "seed=" + seed + ", dL/da");
        assertEquals(expected[1], b.grad(), 1e-7, "seed=" + seed + ", dL/db");
    }
}
