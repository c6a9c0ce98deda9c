package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.nn.Activation;
import org.scratchformer.tensor.Tensor;

/** Chapter 10's accessors and the edges of positional encoding's input. */
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
    void layersGiveAccessToTheirAttention() {
        Random random = new Random(1);
        LayerConfig config = LayerConfig.of(4, 2, 6, 0);
        DecoderLayer decoderLayer = new DecoderLayer(config, random);
        assertNotNull(decoderLayer.selfAttention());
        assertNotNull(decoderLayer.crossAttention());
        assertTrue(decoderLayer.selfAttention()
                != decoderLayer.crossAttention(), "two modules");
        assertSame(decoderLayer.parameters().get(
                "cross_attention.query.weight"), decoderLayer
                .crossAttention().query().weight());
        EncoderLayer encoderLayer = new EncoderLayer(config, random);
        assertSame(encoderLayer.parameters().get(
                "self_attention.key.weight"), encoderLayer.selfAttention()
                .key().weight());
        Decoder decoder = new Decoder(3, config, random);
        assertEquals(3, decoder.layers().size());
        assertEquals(2, new Encoder(2, config, random).layers().size());
        assertEquals(Activation.GELU_ERF, config.withActivation(
                Activation.GELU_ERF).activation());
    }
}
