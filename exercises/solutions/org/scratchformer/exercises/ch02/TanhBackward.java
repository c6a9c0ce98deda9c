package org.scratchformer.exercises.ch02;

import org.scratchformer.scalar.Value;

/**
 * Exercise 2.1: write the backward closure of tanh.
 *
 * <p>The tests make the forward half themselves,
 * <pre>{@code
 * Value out = Value.fromOp(Math.tanh(a.data()), "tanh", a);
 * out.setBackward(TanhBackward.closure(a, out));
 * }</pre>
 * and then call {@code backward()} on some expression that uses
 * {@code out}. Your closure runs once per backward pass, after
 * {@code out.grad()} holds dL/dout, and must pass dL/da to {@code a} with
 * {@code a.addGrad(...)}. Use the identity
 * {@code d tanh(a)/da = 1 − tanh²(a)}.
 */
public final class TanhBackward {
    private TanhBackward() {
    }

    /** The closure that adds dL/da into {@code a}, given out = tanh(a). */
    public static Runnable closure(Value a, Value out) {
        // dL/da += (1 − out²) · dL/dout; read out.grad() when the closure
        // runs, not now: backward has not filled it yet
        return () -> a.addGrad((1 - out.data() * out.data()) * out.grad());
    }
}
