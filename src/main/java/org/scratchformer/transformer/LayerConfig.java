package org.scratchformer.transformer;

import org.scratchformer.multihead.MultiHeadAttention.Implementation;
import org.scratchformer.nn.Activation;

/**
 * The sizes and choices of one encoder or decoder layer.
 *
 * @param model          C, d_model: the width of every row
 * @param heads          H; C must be a multiple of H
 * @param feedForward    F, d_ff: the feed-forward block's hidden width
 * @param dropout        p for the dropout after every sublayer, [0, 1)
 * @param norm           post-LN (the paper) or pre-LN
 * @param activation     the feed-forward nonlinearity
 * @param implementation composed or fused attention
 */
public record LayerConfig(int model, int heads, int feedForward,
        double dropout, NormPlacement norm, Activation activation,
        Implementation implementation) {

    public LayerConfig {
        if (model < 1 || heads < 1 || feedForward < 1
                || model % heads != 0) {
            throw new IllegalArgumentException("LayerConfig: d_model "
                    + model + ", heads " + heads + ", d_ff " + feedForward
                    + ": all must be positive and d_model a multiple of"
                    + " heads");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LayerConfig: dropout must"
                    + " be in [0, 1), got " + dropout);
        }
        if (norm == null || activation == null || implementation == null) {
            throw new IllegalArgumentException("LayerConfig: norm,"
                    + " activation and implementation must be given");
        }
    }

    /** The paper's layer: post-LN, ReLU, composed attention. */
    public static LayerConfig of(int model, int heads, int feedForward,
            double dropout) {
        return new LayerConfig(model, heads, feedForward, dropout,
                NormPlacement.POST, Activation.RELU,
                Implementation.COMPOSED);
    }

    public LayerConfig withNorm(NormPlacement placement) {
        return new LayerConfig(model, heads, feedForward, dropout,
                placement, activation, implementation);
    }

    public LayerConfig withActivation(Activation choice) {
        return new LayerConfig(model, heads, feedForward, dropout, norm,
                choice, implementation);
    }

    public LayerConfig withImplementation(Implementation choice) {
        return new LayerConfig(model, heads, feedForward, dropout, norm,
                activation, choice);
    }
}
