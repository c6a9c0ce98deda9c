package org.scratchformer.tensor;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** An op with two inputs: Y = f(A, B). Subclasses write the two methods. */
public abstract class BinaryOp implements Op {

    /** Y = f(A, B); A and B are not modified. */
    protected abstract DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b);

    /** {@code new Grads(dA, dB)} from A, B, Y and dY. */
    protected abstract Grads backward(DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj y, DMatrixRMaj dY);

    @Override
    public final DMatrixRMaj forward(List<DMatrixRMaj> x) {
        Shapes.requireArity(name(), 2, x.size());
        return forward(x.get(0), x.get(1));
    }

    @Override
    public final Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return backward(x.get(0), x.get(1), y, dY);
    }
}
