package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.nn.Activation;
import org.scratchformer.tensor.Tensor;

/**
 * The edges of positional encoding's input, and what a decoder layer's
 * cross-attention does with the memory.
 */
class TransformerEdgesTest {

    @Test
    void aLengthOfZeroIsRefusedBeforeAnyArithmetic() {
        PositionalEncoding pe = new PositionalEncoding(4);
        Tensor x = Tensor.constant(new DMatrixRMaj(6, 4));
        String message = assertThrows(IllegalArgumentException.class,
                () -> pe.addTo(x, 0)).getMessage();
        assertTrue(message.contains("at least 1, got 0"), message);
        assertEquals(1, pe.table(1).numRows, "a length of 1 is allowed");
        assertEquals(4, pe.width());
        assertEquals("PositionalEncoding(width 4)", pe.toString());
    }

    @Test
    void theDecoderReadsTheMemoryOnlyThroughItsCrossAttention() {
        Random random = new Random(1);
        LayerConfig config = LayerConfig.of(4, 2, 6, 0);
        DecoderLayer layer = new DecoderLayer(config, random);
        Tensor y = Tensor.constant(RandomCases.values(random, 3, 4));
        Tensor memory = Tensor.constant(RandomCases.values(random, 5, 4));
        Tensor other = Tensor.constant(RandomCases.values(random, 5, 4));
        AttentionMask self = AttentionMask.causal(1, 3);
        AttentionMask cross = AttentionMask.none(1, 3, 5);
        assertFalse(Arrays.equals(
                layer.forward(y, memory, self, cross).value().data,
                layer.forward(y, other, self, cross).value().data),
                "another memory, another output");
        // the parameter map and crossAttention() name the same weights:
        // silence the cross-attention's output through the map
        assertSame(layer.parameters().get("cross_attention.output.weight"),
                layer.crossAttention().output().weight());
        layer.parameters().get("cross_attention.output.weight")
                .set(new DMatrixRMaj(4, 4));
        layer.parameters().get("cross_attention.output.bias")
                .set(new DMatrixRMaj(1, 4));
        assertArrayEquals(layer.forward(y, memory, self, cross).value().data,
                layer.forward(y, other, self, cross).value().data, 0.0,
                "no cross-attention, no memory");
        assertEquals(3, new Decoder(3, config, random).layers().size());
        assertEquals(Activation.GELU_ERF, config.withActivation(
                Activation.GELU_ERF).activation());
    }
}
