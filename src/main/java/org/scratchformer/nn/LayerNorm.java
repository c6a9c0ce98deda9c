package org.scratchformer.nn;

import org.scratchformer.tensor.Tensor;

/**
 * Layer normalisation over the features of each row, with a learned gain γ
 * and bias β. PyTorch: nn.LayerNorm (weight and bias there).
 *
 * <pre>
 * y = γ ⊙ (x − μ) / √(σ² + ε) + β,   μ, σ² over the row's C features
 * </pre>
 *
 * <p>The math, forward and backward, is in the fused {@link LayerNormOp};
 * γ starts at ones and β at zeros, so a new layer only normalises.
 */
public final class LayerNorm extends Layer {
    private final int width;
    private final LayerNormOp op;
    private final Parameter gain;
    private final Parameter bias;

    /** A layer norm over {@code width} features with PyTorch's ε, 1e-5. */
    public LayerNorm(int width) {
        this(width, LayerNormOp.DEFAULT_EPSILON);
    }

    /** A layer norm over {@code width} features with the given ε. */
    public LayerNorm(int width, double epsilon) {
        if (width < 1) {
            throw new IllegalArgumentException("LayerNorm: width must be at"
                    + " least 1, got " + width);
        }
        this.width = width;
        this.op = new LayerNormOp(epsilon);
        this.gain = parameter("gain", new Parameter(Init.ones(1, width)));
        this.bias = parameter("bias", new Parameter(Init.zeros(1, width)));
    }

    // tag::forward[]
    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != width) {
            throw new IllegalArgumentException(this + ": input " + x.shape()
                    + " has " + x.cols() + " columns; it needs " + width
                    + ", the width it normalises");
        }
        // Y (N, C) = γ ⊙ x̂ + β, row by row
        return op.apply(x, gain.tensor(), bias.tensor());
    }
    // end::forward[]

    /** γ (1, C). */
    public Parameter gain() {
        return gain;
    }

    /** β (1, C). */
    public Parameter bias() {
        return bias;
    }

    @Override
    public String toString() {
        return "LayerNorm(" + width + ")";
    }
}
