package org.scratchformer.exercises.ch10;

import java.util.function.UnaryOperator;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Exercise 10.2: the residual sublayer, in both orders (a solution).
 *
 * <p>X is used twice in each order, once through f and once on the
 * residual path; the engine adds the two gradients. In pre-LN, X reaches
 * Y unnormalised, so dX contains dY itself: the identity path that keeps
 * a deep stack's early gradients at a steady size.
 */
final class Residual {
    private Residual() {
    }

    /** LN(X + f(X)), the order of "Attention Is All You Need". */
    static Tensor postNorm(Tensor x, UnaryOperator<Tensor> f,
            UnaryOperator<Tensor> norm) {
        return norm.apply(Ops.add(x, f.apply(x)));
    }

    /** X + f(LN(X)): the residual path is the identity. */
    static Tensor preNorm(Tensor x, UnaryOperator<Tensor> f,
            UnaryOperator<Tensor> norm) {
        return Ops.add(x, f.apply(norm.apply(x)));
    }
}
