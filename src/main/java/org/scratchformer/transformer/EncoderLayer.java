package org.scratchformer.transformer;

import java.util.List;
import java.util.Random;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.multihead.MultiHeadAttention;
import org.scratchformer.nn.FeedForward;
import org.scratchformer.nn.Module;
import org.scratchformer.tensor.Tensor;

/**
 * One encoder layer: self-attention, then a feed-forward block, each in a
 * residual connection with LayerNorm ("Attention Is All You Need" §3.1).
 *
 * <pre>
 * X (B·S, C), mask (B·S, S) → (B·S, C)
 * </pre>
 */
public final class EncoderLayer extends Module {
    private final MultiHeadAttention selfAttention;
    private final Sublayer attentionSublayer;
    private final FeedForward feedForward;
    private final Sublayer feedForwardSublayer;

    public EncoderLayer(LayerConfig config, Random random) {
        this.selfAttention = child("self_attention", new MultiHeadAttention(
                config.model(), config.heads(), config.implementation(),
                random));
        this.attentionSublayer = child("sublayer0", new Sublayer(config,
                random));
        this.feedForward = child("feed_forward", new FeedForward(
                config.model(), config.feedForward(), config.activation(),
                random));
        this.feedForwardSublayer = child("sublayer1", new Sublayer(config,
                random));
    }

    // tag::forward[]
    /** Each position attends to every unpadded position of its sequence. */
    public Tensor forward(Tensor x, AttentionMask mask) {
        Tensor h = attentionSublayer.apply(x,
                in -> selfAttention.forward(in, mask));
        return feedForwardSublayer.apply(h, feedForward::forward);
    }
    // end::forward[]

    // tag::maps[]
    /**
     * The same pass, which also adds each head's self-attention weights
     * (B·S, S) to {@code maps}, as layer {@code index}: the weights for
     * the input the attention is given, X or LN(X).
     */
    public Tensor forward(Tensor x, AttentionMask mask,
            List<AttentionMap> maps, int index) {
        Tensor h = attentionSublayer.apply(x, in -> {
            AttentionMap.addHeads(maps, AttentionMap.Kind.ENCODER_SELF,
                    index, selfAttention.weights(in, in, mask));
            return selfAttention.forward(in, mask);
        });
        return feedForwardSublayer.apply(h, feedForward::forward);
    }
    // end::maps[]

    public MultiHeadAttention selfAttention() {
        return selfAttention;
    }
}
