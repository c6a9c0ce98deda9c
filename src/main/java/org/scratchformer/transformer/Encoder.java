package org.scratchformer.transformer;

import java.util.List;
import java.util.Random;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.nn.LayerNorm;
import org.scratchformer.nn.Module;
import org.scratchformer.tensor.Tensor;

/**
 * N encoder layers in a row; with pre-LN, a final LayerNorm, since the
 * last layer's output has not been normalized.
 *
 * <pre>
 * X (B·S, C), mask (B·S, S) → memory (B·S, C)
 * </pre>
 */
public final class Encoder extends Module {
    private final Layers<EncoderLayer> layers;
    private final LayerNorm finalNorm;  // null for post-LN

    public Encoder(int count, LayerConfig config, Random random) {
        layers = child("layers", new Layers<>("Encoder", count,
                i -> new EncoderLayer(config, random)));
        finalNorm = config.norm() == NormPlacement.PRE
                ? child("final_norm", new LayerNorm(config.model())) : null;
    }

    // tag::forward[]
    public Tensor forward(Tensor x, AttentionMask mask) {
        for (EncoderLayer layer : layers.all()) {
            x = layer.forward(x, mask);
        }
        return finalNorm == null ? x : finalNorm.forward(x);
    }
    // end::forward[]

    /**
     * The same pass, which also adds every layer's self-attention weights
     * to {@code maps}: layer by layer, one map per head.
     */
    public Tensor forward(Tensor x, AttentionMask mask,
            List<AttentionMap> maps) {
        List<EncoderLayer> all = layers.all();
        for (int l = 0; l < all.size(); l++) {
            x = all.get(l).forward(x, mask, maps, l);
        }
        return finalNorm == null ? x : finalNorm.forward(x);
    }

    public List<EncoderLayer> layers() {
        return layers.all();
    }
}
