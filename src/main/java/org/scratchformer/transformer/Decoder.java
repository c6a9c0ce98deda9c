package org.scratchformer.transformer;

import java.util.List;
import java.util.Random;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.nn.LayerNorm;
import org.scratchformer.nn.Module;
import org.scratchformer.tensor.Tensor;

/**
 * N decoder layers in a row, each attending to the same memory; with
 * pre-LN, a final LayerNorm.
 *
 * <pre>
 * Y (B·T, C), memory (B·S, C), selfMask (B·T, T), crossMask (B·T, S)
 *   → (B·T, C)
 * </pre>
 */
public final class Decoder extends Module {
    private final Layers<DecoderLayer> layers;
    private final LayerNorm finalNorm;  // null for post-LN

    public Decoder(int count, LayerConfig config, Random random) {
        layers = child("layers", new Layers<>("Decoder", count,
                i -> new DecoderLayer(config, random)));
        finalNorm = config.norm() == NormPlacement.PRE
                ? child("final_norm", new LayerNorm(config.model())) : null;
    }

    // tag::forward[]
    public Tensor forward(Tensor y, Tensor memory, AttentionMask selfMask,
            AttentionMask crossMask) {
        for (DecoderLayer layer : layers.all()) {
            y = layer.forward(y, memory, selfMask, crossMask);
        }
        return finalNorm == null ? y : finalNorm.forward(y);
    }
    // end::forward[]

    /**
     * The same pass, which also adds every layer's attention weights to
     * {@code maps}: layer by layer, self-attention then cross-attention,
     * one map per head.
     */
    public Tensor forward(Tensor y, Tensor memory, AttentionMask selfMask,
            AttentionMask crossMask, List<AttentionMap> maps) {
        List<DecoderLayer> all = layers.all();
        for (int l = 0; l < all.size(); l++) {
            y = all.get(l).forward(y, memory, selfMask, crossMask, maps, l);
        }
        return finalNorm == null ? y : finalNorm.forward(y);
    }

    public List<DecoderLayer> layers() {
        return layers.all();
    }
}
