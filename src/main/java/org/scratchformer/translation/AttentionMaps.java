package org.scratchformer.translation;

import java.util.List;
import org.scratchformer.transformer.AttentionMap;
import org.scratchformer.transformer.AttentionMap.Kind;

/**
 * Every attention map of one translation, from {@link
 * Translator#attentionMaps}: plain data, the token ids and one (T, S)
 * matrix per kind, layer and head. A row or column is a position of the
 * source or of the decoder's input, as the map's {@link Kind} says.
 *
 * @param source       the source ids (S)
 * @param decoderInput the decoder's input ids (T): {@code <s>}, then the
 *                     translation; position t predicts word t + 1
 * @param maps         the encoder's layers first, then each decoder
 *                     layer's self-attention and cross-attention, each
 *                     head by head
 */
public record AttentionMaps(List<Integer> source, List<Integer> decoderInput,
        List<AttentionMap> maps) {

    public AttentionMaps {
        source = List.copyOf(source);
        decoderInput = List.copyOf(decoderInput);
        maps = List.copyOf(maps);
    }

    /** The map of one kind of attention, layer and head. */
    public AttentionMap get(Kind kind, int layer, int head) {
        int layers = 0;
        int heads = 0;
        for (AttentionMap map : maps) {
            if (map.kind() == kind) {
                layers = Math.max(layers, map.layer() + 1);
                heads = Math.max(heads, map.head() + 1);
            }
        }
        if (layer < 0 || layer >= layers || head < 0 || head >= heads) {
            throw new IllegalArgumentException("attention maps: " + kind
                    + " layer " + layer + ", head " + head + " does not"
                    + " exist; allowed are layers 0 to " + (layers - 1)
                    + " and heads 0 to " + (heads - 1));
        }
        for (AttentionMap map : maps) {
            if (map.kind() == kind && map.layer() == layer
                    && map.head() == head) {
                return map;
            }
        }
        throw new AssertionError("every kind has every layer and head");
    }
}
