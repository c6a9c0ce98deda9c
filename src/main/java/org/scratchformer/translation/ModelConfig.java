package org.scratchformer.translation;

import org.scratchformer.multihead.MultiHeadAttention.Implementation;
import org.scratchformer.nn.Activation;
import org.scratchformer.transformer.LayerConfig;
import org.scratchformer.transformer.NormPlacement;

/**
 * The sizes of a translator: the Transformer of chapter 10 with
 * embeddings and an output projection.
 *
 * @param model         C, d_model
 * @param heads         H
 * @param feedForward   F, d_ff
 * @param encoderLayers how many encoder layers
 * @param decoderLayers how many decoder layers
 * @param dropout       p after every sublayer and the embeddings
 * @param norm          post-LN or pre-LN
 * @param tied          whether the output projection is the target
 *                      embedding's transpose
 */
public record ModelConfig(int model, int heads, int feedForward,
        int encoderLayers, int decoderLayers, double dropout,
        NormPlacement norm, boolean tied) {

    public ModelConfig {
        layer(model, heads, feedForward, dropout, norm);  // checks sizes
        if (encoderLayers < 1 || decoderLayers < 1) {
            throw new IllegalArgumentException("ModelConfig: at least one"
                    + " encoder and one decoder layer, got "
                    + encoderLayers + " and " + decoderLayers);
        }
    }

    /** The reference configuration: 128, 4 heads, 512, 2 + 2 layers. */
    public static ModelConfig reference() {
        return new ModelConfig(128, 4, 512, 2, 2, 0.1, NormPlacement.POST,
                false);
    }

    /**
     * How many numbers a translator of these sizes holds in its parameters,
     * from the sizes alone (nothing is made): what a loader weighs against
     * the memory it has before it makes a model.
     */
    public long parameterCount(int sourceVocabulary, int targetVocabulary) {
        long c = model;
        long f = feedForward;
        long norm = 2 * c;                         // gain and bias
        long attention = 4 * (c * c + c);          // W_q, W_k, W_v, W_o
        long block = c * f + f + f * c + c;        // the feed-forward block
        long encoderLayer = attention + block + 2 * norm;
        long decoderLayer = 2 * attention + block + 3 * norm;
        long finalNorms = this.norm == NormPlacement.PRE ? 2 * norm : 0;
        long embeddings = (sourceVocabulary + (long) targetVocabulary) * c;
        long output = tied ? 0 : c * targetVocabulary + targetVocabulary;
        return embeddings + encoderLayers * encoderLayer
                + decoderLayers * decoderLayer + finalNorms + output;
    }

    /** The layers' configuration. */
    public LayerConfig layer() {
        return layer(model, heads, feedForward, dropout, norm);
    }

    private static LayerConfig layer(int model, int heads, int feedForward,
            double dropout, NormPlacement norm) {
        return new LayerConfig(model, heads, feedForward, dropout, norm,
                Activation.RELU, Implementation.FUSED);
    }
}
