package org.scratchformer.nn;

import java.util.Random;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * A fully connected layer. PyTorch: nn.Linear, which stores the weight
 * transposed, (out, in); here W is (in, out), so the forward is X·W.
 *
 * <pre>
 * Y (N, out) = X (N, in) · W (in, out) + 1·b,   b (1, out)
 * dX = dY·Wᵀ,  dW = Xᵀ·dY,  db = 1ᵀ·dY  (b feeds every row: sum them)
 * </pre>
 *
 * <p>W starts from {@link Init#xavierUniform}, b from zeros. The gradients
 * come from one fused op, {@link LinearOp}: the numbers of matmul then
 * add_row, with fewer matrices.
 */
public final class Linear extends Layer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;  // null without a bias

    /** A layer from {@code in} to {@code out} features, with a bias. */
    public Linear(int in, int out, Random random) {
        this(in, out, true, random);
    }

    /** A layer from {@code in} to {@code out} features; bias optional. */
    public Linear(int in, int out, boolean withBias, Random random) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear: in and out must be"
                    + " at least 1, got in " + in + ", out " + out);
        }
        this.in = in;
        this.out = out;
        this.weight = parameter("weight",
                new Parameter(Init.xavierUniform(in, out, random)));
        this.bias = withBias ? parameter("bias",
                new Parameter(Init.zeros(1, out))) : null;
    }

    // tag::forward[]
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, LinearOp.LINEAR);
    }

    /** max(0, X·W + 1·b) in one op: the feed-forward block's first half. */
    public Tensor forwardRelu(Tensor x) {
        return forward(x, LinearReluOp.LINEAR_RELU);
    }

    private Tensor forward(Tensor x, LinearOp op) {
        if (x.cols() != in) {
            throw new IllegalArgumentException(this + ": input " + x.shape()
                    + " has " + x.cols() + " columns; it needs " + in
                    + ", one per input feature");
        }
        if (bias == null) {
            Tensor y = Ops.matmul(x, weight.tensor());  // (N, out) = X·W
            return op == LinearOp.LINEAR ? y : Ops.relu(y);
        }
        // (N, out) = X·W + 1·b, as matmul then add_row would give it
        return op.apply(x, weight.tensor(), bias.tensor());
    }
    // end::forward[]

    /** W (in, out). */
    public Parameter weight() {
        return weight;
    }

    /** b (1, out), or null for a layer made without a bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public String toString() {
        return "Linear(" + in + " → " + out + (bias == null ? ", no bias"
                : "") + ")";
    }
}
