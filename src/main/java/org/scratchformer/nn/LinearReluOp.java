package org.scratchformer.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;

/**
 * A fully connected layer and ReLU in one op: the first half of the
 * feed-forward block. PyTorch: relu(addmm(b, X, W)).
 *
 * <pre>
 * Z (N, out) = X·W + 1·b,   Y = max(0, Z)
 * dZ = dY ⊙ [Y > 0]         ([Y > 0] = [Z > 0]: no copy of Z is kept)
 * dX = dZ·Wᵀ,  dW = Xᵀ·dZ,  db = 1ᵀ·dZ
 * </pre>
 *
 * <p>One (N, out) matrix in the forward pass where matmul, add_row and
 * relu make three, and the same numbers to the last bit.
 */
public final class LinearReluOp extends LinearOp {
    /** The op; it holds no configuration. */
    public static final LinearReluOp LINEAR_RELU = new LinearReluOp();
    private static volatile ReluGradient reluGradient = ReluGradient.PLAIN;

    private LinearReluOp() {
    }

    @Override
    public String name() {
        return "linear_relu";
    }

    /** The loop of ReLU's gradient in use: PLAIN unless another is. */
    public static ReluGradient reluGradient() {
        return reluGradient;
    }

    /**
     * Makes {@code faster} the loop of ReLU's gradient from now on; it
     * must give {@link ReluGradient#PLAIN}'s bits.
     */
    public static void use(ReluGradient faster) {
        if (faster == null) {
            throw new IllegalArgumentException("LinearReluOp.use: the ReLU"
                    + " gradient must not be null; ReluGradient.PLAIN is the"
                    + " plain one");
        }
        reluGradient = faster;
    }

    // tag::forward[]
    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> inputs) {
        return affine(name(), inputs, true);  // max(0, X·W + 1·b)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    public Grads backward(List<DMatrixRMaj> inputs, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dZ = new DMatrixRMaj(y.numRows, y.numCols);  // (N, out)
        // dZ = dY ⊙ [Y > 0], by ReluGradient.PLAIN's loop unless replaced
        reluGradient.apply(y.data, dY.data, dZ.data, y.getNumElements());
        return gradients(inputs, dZ);
    }
    // end::backward[]
}
