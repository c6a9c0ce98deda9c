package org.scratchformer.exercises.ch10;

import java.util.function.UnaryOperator;
import org.scratchformer.tensor.Tensor;

/**
 * Exercise 10.2: the residual sublayer, in both orders.
 *
 * <pre>
 * post-LN:  Y = LN(X + f(X))
 * pre-LN:   Y = X + f(LN(X))
 * </pre>
 *
 * <p>f is the sublayer (attention or feed-forward), {@code norm} the
 * layer norm; dropout is left out here. Build Y from tensor ops
 * ({@code org.scratchformer.ops.Ops}) so that backward reaches X through
 * both paths. Call f once and norm once per call, as a layer would.
 */
final class Residual {
    private Residual() {
    }

    /** LN(X + f(X)), the order of "Attention Is All You Need". */
    static Tensor postNorm(Tensor x, UnaryOperator<Tensor> f,
            UnaryOperator<Tensor> norm) {
        throw new UnsupportedOperationException("add f(X) to X, then"
                + " normalise the sum");
    }

    /** X + f(LN(X)): the residual path is the identity. */
    static Tensor preNorm(Tensor x, UnaryOperator<Tensor> f,
            UnaryOperator<Tensor> norm) {
        throw new UnsupportedOperationException("normalise X, apply f, add"
                + " X itself");
    }
}
