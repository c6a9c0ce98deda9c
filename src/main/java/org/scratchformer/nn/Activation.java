package org.scratchformer.nn;

import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The nonlinearity between a feed-forward block's two linears. GELU comes
 * in two forms that differ by up to 4.7e-4, so each says which it is.
 */
public enum Activation {
    /** max(0, x): the original Transformer's choice. PyTorch: nn.ReLU(). */
    RELU {
        @Override
        public Tensor apply(Tensor x) {
            return Ops.relu(x);
        }
    },
    /**
     * x·Φ(x) with Φ through erf: the exact GELU, PyTorch's nn.GELU() and
     * F.gelu(x) default. The one to use unless matching a model that was
     * trained with the approximation.
     */
    GELU_ERF {
        @Override
        public Tensor apply(Tensor x) {
            return Ops.geluErf(x);
        }
    },
    /**
     * x·Φ(x) with Φ approximated through tanh: GPT-2's and BERT's GELU,
     * PyTorch's nn.GELU(approximate='tanh').
     */
    GELU_TANH {
        @Override
        public Tensor apply(Tensor x) {
            return Ops.geluTanh(x);
        }
    };

    /** Y = f(X), elementwise; Y has X's shape. */
    public abstract Tensor apply(Tensor x);
}
