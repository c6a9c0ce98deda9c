package org.scratchformer.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTest {
    private static final double TOL = 1e-12;

    // Each op at a point x: its value and dout/dx in closed form.
    static Stream<Arguments> unaryCases() {
        double t = Math.tanh(0.4);
        return Stream.of(
            unary("neg", v -> v.neg(), 1.5, -1.5, -1),
            unary("pow 3", v -> v.pow(3), 2, 8, 12),
            unary("pow 0.5", v -> v.pow(0.5), 4, 2, 0.25),
            unary("pow -1", v -> v.pow(-1), 2, 0.5, -0.25),
            unary("exp", v -> v.exp(), 0.7, Math.exp(0.7), Math.exp(0.7)),
            unary("log", v -> v.log(), 2, Math.log(2), 0.5),
            unary("tanh", v -> v.tanh(), 0.4, t, 1 - t * t),
            unary("relu positive", v -> v.relu(), 1.5, 1.5, 1),
            unary("relu negative", v -> v.relu(), -1.5, 0, 0),
            unary("relu at the kink", v -> v.relu(), 0, 0, 0),
            unary("add constant", v -> v.add(2.0), 1.5, 3.5, 1),
            unary("sub constant", v -> v.sub(2.0), 1.5, -0.5, 1),
            unary("mul constant", v -> v.mul(-3.0), 1.5, -4.5, -3),
            unary("div constant", v -> v.div(4.0), 1.5, 0.375, 0.25));
    }

    private static Arguments unary(String name, UnaryOperator<Value> op,
            double x, double value, double grad) {
        return Arguments.of(name, op, x, value, grad);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryCases")
    void unaryOpMatchesItsClosedForm(String name, UnaryOperator<Value> op,
            double x, double value, double grad) {
        Value a = new Value(x);
        Value out = op.apply(a);
        out.backward();
        assertEquals(value, out.data(), TOL, name + " value");
        assertEquals(grad, a.grad(), TOL, name + " gradient");
    }

    @Test
    void addGivesOneToBoth() {
        Value a = new Value(2);
        Value b = new Value(-3);
        Value out = a.add(b);
        out.backward();
        assertEquals(-1, out.data(), TOL);
        assertEquals(1, a.grad(), TOL);
        assertEquals(1, b.grad(), TOL);
    }

    @Test
    void subGivesOneAndMinusOne() {
        Value a = new Value(2);
        Value b = new Value(-3);
        Value out = a.sub(b);
        out.backward();
        assertEquals(5, out.data(), TOL);
        assertEquals(1, a.grad(), TOL);
        assertEquals(-1, b.grad(), TOL);
    }

    @Test
    void mulGivesEachTheOther() {
        Value a = new Value(2);
        Value b = new Value(-3);
        Value out = a.mul(b);
        out.backward();
        assertEquals(-6, out.data(), TOL);
        assertEquals(-3, a.grad(), TOL);
        assertEquals(2, b.grad(), TOL);
    }

    @Test
    void divGivesOneOverBAndMinusAOverBSquared() {
        Value a = new Value(3);
        Value b = new Value(2);
        Value out = a.div(b);
        out.backward();
        assertEquals(1.5, out.data(), TOL);
        assertEquals(0.5, a.grad(), TOL);
        assertEquals(-0.75, b.grad(), TOL);
    }

    @Test
    void chainRuleThroughANeuron() {
        // L = tanh(w·x + b)²;  dL/dz = 2y(1 − y²) with y = tanh z
        Value w = new Value(-1.5);
        Value x = new Value(0.5);
        Value b = new Value(2.0);
        Value y = w.mul(x).add(b).tanh();
        Value loss = y.pow(2);
        loss.backward();
        double yy = Math.tanh(1.25);
        double dz = 2 * yy * (1 - yy * yy);
        assertEquals(dz * 0.5, w.grad(), TOL);
        assertEquals(dz * -1.5, x.grad(), TOL);
        assertEquals(dz, b.grad(), TOL);
    }

    @Test
    void aValueUsedTwiceCollectsBothGradients() {
        Value x = new Value(3);
        x.mul(x).backward();  // d(x²)/dx = 2x
        assertEquals(6, x.grad(), TOL);

        Value y = new Value(3);
        y.add(y).add(y).backward();  // d(3y)/dy = 3
        assertEquals(3, y.grad(), TOL);
    }

    @Test
    void aSharedIntermediateCollectsFromEveryUse() {
        // u = a·b feeds both terms: L = u + u·u;  dL/du = 1 + 2u
        Value a = new Value(2);
        Value b = new Value(0.5);
        Value u = a.mul(b);
        Value loss = u.add(u.mul(u));
        loss.backward();
        assertEquals(3, u.grad(), TOL);
        assertEquals(3 * 0.5, a.grad(), TOL);
        assertEquals(3 * 2, b.grad(), TOL);
    }

    @Test
    void equalDataStillMeansTwoNodes() {
        // u and w both hold 3.0 and both come from "+": still two nodes
        Value a = new Value(1);
        Value b = new Value(2);
        Value c = new Value(2);
        Value d = new Value(1);
        Value u = a.add(b);
        Value w = c.add(d);
        Value loss = u.mul(w);
        loss.backward();
        assertEquals(7, loss.topologicalOrder().size());
        for (Value leaf : List.of(a, b, c, d)) {
            assertEquals(3, leaf.grad(), TOL);
        }
    }

    @Test
    void backwardTwiceDoublesTheLeavesOnly() {
        Value x = new Value(0.3);
        Value y = new Value(-1.2);
        Value h = x.mul(y).tanh();  // an intermediate value
        Value loss = h.mul(x);
        loss.backward();
        double dx = x.grad();
        double dy = y.grad();
        double dh = h.grad();
        loss.backward();
        assertEquals(2 * dx, x.grad(), TOL, "leaf x");
        assertEquals(2 * dy, y.grad(), TOL, "leaf y");
        assertEquals(dh, h.grad(), TOL, "intermediate h: this pass only");
        assertEquals(1, loss.grad(), TOL, "the output: dL/dL");
    }

    @Test
    void zeroGradResetsTheWholeGraph() {
        Value x = new Value(0.3);
        Value y = new Value(-1.2);
        Value loss = x.mul(y).exp().add(x);
        loss.backward();
        double dx = x.grad();
        loss.zeroGrad();
        for (Value v : loss.topologicalOrder()) {
            assertEquals(0, v.grad(), "after zeroGrad: " + v);
        }
        loss.backward();
        assertEquals(dx, x.grad(), TOL, "one pass after zeroGrad");
    }

    @Test
    void backwardOnALeafAccumulatesOne() {
        Value x = new Value(5);
        x.backward();
        x.backward();
        assertEquals(2, x.grad(), TOL);
    }

    @Test
    void topologicalOrderPutsEveryValueOnceAfterItsInputs() {
        Value a = new Value(1);
        Value b = new Value(2);
        Value u = a.mul(b);
        Value loss = u.add(u.tanh()).mul(a);
        List<Value> order = loss.topologicalOrder();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Value v : order) {
            for (Value input : v.inputs()) {
                assertTrue(seen.contains(input), input + " before " + v);
            }
            assertTrue(seen.add(v), "twice: " + v);
        }
        assertEquals(6, order.size());
        assertSame(loss, order.get(order.size() - 1));
    }

    @Test
    void aChainOf100000OpsBackpropagatesOnASmallStack() throws Exception {
        // a recursive sort would need one stack frame per op
        Throwable[] failure = new Throwable[1];
        Value x = new Value(0.5);
        Value c = new Value(1e-3);
        Runnable chain = () -> {
            try {
                Value v = x;
                for (int i = 0; i < 100_000; i++) {
                    v = v.add(c);  // v = x + 100000 c
                }
                v.backward();
            } catch (Throwable t) {
                failure[0] = t;
            }
        };
        Thread thread = new Thread(null, chain, "chain", 256 * 1024);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new AssertionError("backward failed on a long chain",
                    failure[0]);
        }
        assertEquals(1, x.grad(), TOL);
        assertEquals(100_000, c.grad(), TOL);
    }

    @Test
    void logOfANonPositiveValueIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Value(-1).log());
        assertEquals("log: the argument must be positive, got -1.0",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Value(0).log());
    }

    @Test
    void divisionByZeroIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Value(3).div(new Value(0)));
        assertEquals("div: cannot divide 3.0 by zero", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Value(3).div(0.0));
    }

    @Test
    void powWithANonFiniteResultIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Value(-8).pow(0.5));
        assertEquals("pow: (-8.0)^0.5 is NaN, not a finite number",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Value(0).pow(-1));
        assertEquals("pow: (0.0)^-1.0 is Infinity, not a finite number",
                e.getMessage());
    }

    @Test
    void anOpWrittenOutsideTheClassJoinsTheGraph() {
        // out = a³ through the public pieces: fromOp, setBackward, addGrad
        Value a = new Value(2);
        Value out = Value.fromOp(8, "cube", a);
        out.setBackward(() -> a.addGrad(3 * a.data() * a.data() * out.grad()));
        out.mul(a).backward();  // L = a⁴;  dL/da = 4a³ = 32
        assertEquals(32, a.grad(), TOL);
    }

    @Test
    void aBackwardClosureIsSetOnceAndOnlyOnAnOpOutput() {
        Value a = new Value(2);
        assertThrows(IllegalStateException.class, () -> a.setBackward(() -> {
        }));
        assertThrows(IllegalStateException.class,
                () -> a.tanh().setBackward(() -> { }));
        Value out = Value.fromOp(1, "one", a);
        out.setBackward(() -> { });
        assertThrows(IllegalStateException.class,
                () -> out.setBackward(() -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> Value.fromOp(1, "nothing"));
    }
}
