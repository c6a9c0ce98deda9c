package org.scratchformer.exercises.ch02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scratchformer.scalar.Value;

class IterativeOrderTest {

    /** Each value once, after all of its inputs, the root last. */
    private static void assertTopological(Value root, List<Value> order) {
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Value v : order) {
            for (Value input : v.inputs()) {
                assertTrue(seen.contains(input),
                        () -> input + " must come before " + v);
            }
            assertTrue(seen.add(v), () -> v + " appears twice");
        }
        assertSame(root, order.get(order.size() - 1), "the root comes last");
    }

    @Test
    void aLeafAlone() {
        Value x = new Value(1);
        List<Value> order = IterativeOrder.topologicalOrder(x);
        assertEquals(1, order.size());
        assertSame(x, order.get(0));
    }

    @Test
    void aSmallExpression() {
        // L = tanh(w·x + b)
        Value w = new Value(-1.5);
        Value x = new Value(0.5);
        Value b = new Value(2);
        Value loss = w.mul(x).add(b).tanh();
        List<Value> order = IterativeOrder.topologicalOrder(loss);
        assertEquals(6, order.size());
        assertTopological(loss, order);
    }

    @Test
    void aSharedValueAppearsOnce() {
        // u feeds three ops: L = (u + u²) · u
        Value u = new Value(2).mul(new Value(3));
        Value loss = u.add(u.mul(u)).mul(u);
        List<Value> order = IterativeOrder.topologicalOrder(loss);
        assertEquals(6, order.size());
        assertTopological(loss, order);
    }

    @Test
    void equalDataStillMeansTwoValues() {
        // u and w both hold 3.0 from "+"
        Value u = new Value(1).add(new Value(2));
        Value w = new Value(2).add(new Value(1));
        Value loss = u.mul(w);
        List<Value> order = IterativeOrder.topologicalOrder(loss);
        assertEquals(7, order.size());
        assertTopological(loss, order);
    }

    @Test
    void aChainOf100000OpsOnASmallStack() throws InterruptedException {
        // with one frame per op, recursion overflows a 256 KiB stack
        Value x = new Value(0.5);
        Value c = new Value(1e-3);
        Value v = x;
        for (int i = 0; i < 100_000; i++) {
            v = v.add(c);
        }
        Value root = v;
        Object[] result = new Object[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = IterativeOrder.topologicalOrder(root);
            } catch (Throwable t) {  // StackOverflowError included
                result[0] = t;
            }
        }, "chain", 256 * 1024);
        thread.start();
        thread.join();
        if (result[0] instanceof Throwable t) {
            throw new AssertionError("topologicalOrder failed on a chain", t);
        }
        @SuppressWarnings("unchecked")
        List<Value> order = (List<Value>) result[0];
        assertEquals(100_002, order.size());  // x, c and 100,000 sums
        assertTopological(root, order);
    }
}
