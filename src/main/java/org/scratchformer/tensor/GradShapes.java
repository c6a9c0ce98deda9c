package org.scratchformer.tensor;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What the engine checks in every op's gradients before adding them: one
 * per input, each of its input's shape, or a block that fits inside it.
 * A hand-written backward that gets a shape wrong fails here, naming the
 * op, the input and both shapes.
 */
final class GradShapes {
    private GradShapes() {
    }

    // tag::check-grads[]
    static void check(Op op, List<Tensor> inputs, Grads grads) {
        if (grads.size() != inputs.size()) {
            throw new IllegalStateException(op.name() + ": backward must"
                    + " return one gradient per input (" + inputs.size()
                    + "), returned " + grads.size());
        }
        for (int i = 0; i < inputs.size(); i++) {
            DMatrixRMaj x = inputs.get(i).value();
            if (grads.has(i) && !grads.isBlock()
                    && !Shapes.same(grads.get(i), x)) {
                throw new IllegalStateException(op.name() + ": backward"
                        + " returned a gradient of shape "
                        + Shapes.of(grads.get(i))
                        + " for input " + i + " of shape "
                        + inputs.get(i).shape());
            }
            if (grads.has(i) && grads.isBlock()) {
                checkBlock(op, inputs, grads, i);
            }
        }
    }
    // end::check-grads[]

    // tag::ch08-check-block[]
    private static void checkBlock(Op op, List<Tensor> inputs, Grads grads,
            int i) {
        DMatrixRMaj g = grads.get(i);
        DMatrixRMaj x = inputs.get(i).value();
        if (inputs.size() != 1 || grads.blockRow() + g.numRows > x.numRows
                || grads.blockCol() + g.numCols > x.numCols) {
            throw new IllegalStateException(op.name() + ": backward"
                    + " returned a block " + Shapes.of(g) + " at ("
                    + grads.blockRow() + ", " + grads.blockCol() + ") that"
                    + " does not fit its only input " + Shapes.of(x));
        }
    }
    // end::ch08-check-block[]
}
