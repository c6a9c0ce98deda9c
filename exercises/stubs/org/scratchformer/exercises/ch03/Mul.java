package org.scratchformer.exercises.ch03;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;

/**
 * Exercise 3.2: the elementwise product.
 *
 * <pre>Y = A ⊙ B;   dA = ?,  dB = ?</pre>
 *
 * Shapes must be equal: reject others with an IllegalArgumentException
 * whose message starts with "mul" and names both shapes as
 * {@code Shapes.of} writes them, such as {@code (2x3)}
 * ({@code Shapes.requireSame} does exactly that). CommonOps_DDRM has an
 * elementwise product. Do not modify a, b or dY.
 */
public final class Mul extends BinaryOp {
    @Override
    public String name() {
        return "mul";
    }

    @Override
    protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
        throw new UnsupportedOperationException(
                "check the shapes, then multiply element by element");
    }

    @Override
    protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
            DMatrixRMaj dY) {
        throw new UnsupportedOperationException(
                "∂(a·b)/∂a = b: scale dY by the other input");
    }
}
