package org.scratchformer.transformer;

/**
 * Where a layer's LayerNorm sits around each sublayer f (attention or
 * feed-forward).
 */
public enum NormPlacement {
    /** LN(x + f(x)): "Attention Is All You Need", the default. */
    POST,
    /**
     * x + f(LN(x)), with one more LN after the last layer of a stack:
     * the residual path stays an identity from input to output, which
     * keeps early gradients at a steady size (Xiong et al., 2020).
     */
    PRE
}
