package org.scratchformer.exercises.ch02;

import org.scratchformer.scalar.Value;

/**
 * Exercise 2.2: add a sigmoid op, forward and backward, from outside the
 * {@code Value} class.
 *
 * <p>σ(a) = 1 / (1 + e⁻ᵃ), and its derivative can be written with the
 * output alone: dσ/da = σ(a) (1 − σ(a)). Make the output with
 * {@code Value.fromOp(σ, "sigmoid", a)}, give it a closure with
 * {@code setBackward}, and in the closure pass the gradient on with
 * {@code a.addGrad(...)}. Both σ and its gradient must stay finite for
 * inputs as large as ±800.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** σ(a), as a node of a's graph with op label "sigmoid". */
    public static Value sigmoid(Value a) {
        // σ(a) = 1 / (1 + e⁻ᵃ); for a = −800, e⁸⁰⁰ is infinite and σ is 0
        double s = 1 / (1 + Math.exp(-a.data()));
        Value out = Value.fromOp(s, "sigmoid", a);
        // dL/da += σ (1 − σ) · dL/dout; finite wherever σ is
        out.setBackward(() -> a.addGrad(s * (1 - s) * out.grad()));
        return out;
    }
}
