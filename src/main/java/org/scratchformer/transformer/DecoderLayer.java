package org.scratchformer.transformer;

import java.util.List;
import java.util.Random;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.multihead.MultiHeadAttention;
import org.scratchformer.nn.FeedForward;
import org.scratchformer.nn.Module;
import org.scratchformer.tensor.Tensor;

/**
 * One decoder layer: causal self-attention, cross-attention to the
 * encoder's output (the memory), then a feed-forward block, each in a
 * residual connection with LayerNorm ("Attention Is All You Need" §3.1).
 *
 * <pre>
 * Y (B·T, C), memory (B·S, C), selfMask (B·T, T), crossMask (B·T, S)
 *   → (B·T, C)
 * </pre>
 */
public final class DecoderLayer extends Module {
    private final MultiHeadAttention selfAttention;
    private final MultiHeadAttention crossAttention;
    private final FeedForward feedForward;
    private final Sublayer selfSublayer;
    private final Sublayer crossSublayer;
    private final Sublayer feedForwardSublayer;

    public DecoderLayer(LayerConfig config, Random random) {
        this.selfAttention = child("self_attention", new MultiHeadAttention(
                config.model(), config.heads(), config.implementation(),
                random));
        this.selfSublayer = child("sublayer0", new Sublayer(config, random));
        this.crossAttention = child("cross_attention",
                new MultiHeadAttention(config.model(), config.heads(),
                        config.implementation(), random));
        this.crossSublayer = child("sublayer1", new Sublayer(config,
                random));
        this.feedForward = child("feed_forward", new FeedForward(
                config.model(), config.feedForward(), config.activation(),
                random));
        this.feedForwardSublayer = child("sublayer2", new Sublayer(config,
                random));
    }

    // tag::forward[]
    /**
     * Position t sees target positions up to t (selfMask, causal) and
     * every unpadded source position (crossMask).
     */
    public Tensor forward(Tensor y, Tensor memory, AttentionMask selfMask,
            AttentionMask crossMask) {
        Tensor h = selfSublayer.apply(y,
                in -> selfAttention.forward(in, selfMask));
        h = crossSublayer.apply(h,
                in -> crossAttention.forward(in, memory, crossMask));
        return feedForwardSublayer.apply(h, feedForward::forward);
    }
    // end::forward[]

    /**
     * The same pass, which also adds each head's weights to {@code maps},
     * as layer {@code index}: self-attention (B·T, T), then
     * cross-attention (B·T, S), each for the input it is given.
     */
    public Tensor forward(Tensor y, Tensor memory, AttentionMask selfMask,
            AttentionMask crossMask, List<AttentionMap> maps, int index) {
        Tensor h = selfSublayer.apply(y, in -> {
            AttentionMap.addHeads(maps, AttentionMap.Kind.DECODER_SELF,
                    index, selfAttention.weights(in, in, selfMask));
            return selfAttention.forward(in, selfMask);
        });
        h = crossSublayer.apply(h, in -> {
            AttentionMap.addHeads(maps, AttentionMap.Kind.CROSS, index,
                    crossAttention.weights(in, memory, crossMask));
            return crossAttention.forward(in, memory, crossMask);
        });
        return feedForwardSublayer.apply(h, feedForward::forward);
    }

    public MultiHeadAttention selfAttention() {
        return selfAttention;
    }

    public MultiHeadAttention crossAttention() {
        return crossAttention;
    }
}
