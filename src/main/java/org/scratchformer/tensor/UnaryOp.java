package org.scratchformer.tensor;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** An op with one input: Y = f(X). Subclasses write the two methods below. */
public abstract class UnaryOp implements Op {

    /** Y = f(X); X is not modified. */
    protected abstract DMatrixRMaj forward(DMatrixRMaj x);

    /** dX from X, Y and dY; none of them is modified. */
    protected abstract DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY);

    @Override
    public final DMatrixRMaj forward(List<DMatrixRMaj> x) {
        Shapes.requireArity(name(), 1, x.size());
        return forward(x.get(0));
    }

    @Override
    public final Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return new Grads(backward(x.get(0), y, dY));
    }
}
