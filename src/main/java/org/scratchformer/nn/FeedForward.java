package org.scratchformer.nn;

import java.util.Random;
import org.scratchformer.tensor.Tensor;

/**
 * The position-wise feed-forward block of a Transformer layer: widen,
 * apply a nonlinearity, narrow. Each row (position) goes through the same
 * two linears on its own.
 *
 * <pre>
 * Y (N, C) = dropout(f(X (N, C)·W₁ (C, F) + b₁)) · W₂ (F, C) + b₂
 * </pre>
 *
 * <p>F, the hidden width, is usually 4·C (2048 for C = 512 in the paper).
 * Dropout after the activation follows the Annotated Transformer; with
 * p = 0 it is the identity.
 *
 * <p>The activation has no default: the paper and PyTorch's
 * nn.TransformerEncoderLayer use ReLU, GPT and BERT use GELU, so the
 * caller names one. For GELU the exact {@link Activation#GELU_ERF} is the
 * one to pick, as PyTorch's nn.GELU() does; {@link Activation#GELU_TANH}
 * is for matching a model trained with the approximation.
 */
public final class FeedForward extends Layer {
    private final Linear linear1;
    private final Activation activation;
    private final Dropout dropout;
    private final Linear linear2;

    /** C → F → C with the given activation and no dropout. */
    public FeedForward(int width, int hidden, Activation activation,
            Random random) {
        this(width, hidden, activation, 0, random);
    }

    /** C → F → C with dropout {@code p} after the activation. */
    public FeedForward(int width, int hidden, Activation activation,
            double p, Random random) {
        if (activation == null) {
            throw new IllegalArgumentException("FeedForward: the"
                    + " activation is null; use Activation.RELU, GELU_ERF"
                    + " or GELU_TANH");
        }
        this.linear1 = child("linear1", new Linear(width, hidden, random));
        this.activation = activation;
        this.dropout = child("dropout", new Dropout(p, random));
        this.linear2 = child("linear2", new Linear(hidden, width, random));
    }

    // tag::forward[]
    @Override
    public Tensor forward(Tensor x) {
        Tensor h = activation == Activation.RELU
                ? linear1.forwardRelu(x)                   // (N, F), fused
                : activation.apply(linear1.forward(x));    // (N, F)
        return linear2.forward(dropout.forward(h));       // (N, C)
    }
    // end::forward[]

    @Override
    public String toString() {
        return "FeedForward(" + linear1 + ", " + activation + ", " + dropout
                + ", " + linear2 + ")";
    }
}
