package org.scratchformer.nn;

import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/** The nonlinearity between a feed-forward block's two linears. */
public enum Activation {
    /** max(0, x): the original Transformer's choice. */
    RELU {
        @Override
        public Tensor apply(Tensor x) {
            return Ops.relu(x);
        }
    },
    /** x·Φ(x), tanh approximation: GPT's and BERT's choice. */
    GELU {
        @Override
        public Tensor apply(Tensor x) {
            return Ops.gelu(x);
        }
    };

    /** Y = f(X), elementwise; Y has X's shape. */
    public abstract Tensor apply(Tensor x);
}
