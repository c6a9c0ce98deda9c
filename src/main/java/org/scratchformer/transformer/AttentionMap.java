package org.scratchformer.transformer;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One head's attention weights in one layer, as a forward pass used them:
 * which attention, which layer (0 nearest the input), which head, and the
 * weights (B·T, S), row b·T + t for query t of sequence b, a column per
 * key. Each row is a distribution over its sequence's keys; a masked key
 * has weight 0.
 *
 * @param kind    which of the three attentions
 * @param layer   the layer of the encoder or decoder, from 0
 * @param head    the head, from 0
 * @param weights (B·T, S); the matrix is the holder's
 */
public record AttentionMap(Kind kind, int layer, int head,
        DMatrixRMaj weights) {

    /** The three attentions, and what their rows and columns are. */
    public enum Kind {
        /** Encoder self-attention: rows and columns are source positions. */
        ENCODER_SELF,
        /** Decoder self-attention, causal: rows and columns are target. */
        DECODER_SELF,
        /** Cross-attention: rows are target positions, columns source. */
        CROSS
    }

    /** Adds one map per head: head h's weights are {@code heads.get(h)}. */
    static void addHeads(List<AttentionMap> maps, Kind kind, int layer,
            List<DMatrixRMaj> heads) {
        for (int h = 0; h < heads.size(); h++) {
            maps.add(new AttentionMap(kind, layer, h, heads.get(h)));
        }
    }
}
