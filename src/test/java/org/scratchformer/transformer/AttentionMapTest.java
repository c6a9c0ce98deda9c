package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.multihead.MultiHeadAttention;
import org.scratchformer.multihead.MultiHeadAttention.Implementation;
import org.scratchformer.multihead.UsedWeights;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.transformer.AttentionMap.Kind;

/**
 * The maps of a pass are the weights that pass used, in every attention of
 * a two-layer encoder and decoder: padded sources (lengths 5 and 3), a
 * causal, padded target (4 and 2). Sizes as in TransformerLayersTest.
 */
class AttentionMapTest {
    static final int B = TransformerLayersTest.B;
    static final int T = TransformerLayersTest.T;
    static final int S = TransformerLayersTest.S;
    static final int C = TransformerLayersTest.C;
    static final int H = TransformerLayersTest.H;

    static Stream<Arguments> implementationsAndNorms() {
        return Stream.of(Implementation.values()).flatMap(i -> Stream.of(
                NormPlacement.values()).map(n -> Arguments.of(i, n)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementationsAndNorms")
    void theMapsAreTheWeightsThePassUsed(Implementation implementation,
            NormPlacement norm) {
        Random random = new Random(10_201);
        LayerConfig config = TransformerLayersTest.config(norm)
                .withImplementation(implementation);
        Encoder encoder = new Encoder(2, config, random);
        Decoder decoder = new Decoder(2, config, random);
        Tensor x = TransformerLayersTest.random(random, B * S, C);
        Tensor y = TransformerLayersTest.random(random, B * T, C);
        // the pass that training runs, with its graph
        Tensor out = decoder.forward(y, encoder.forward(x,
                TransformerLayersTest.sourceMask()),
                TransformerLayersTest.targetMask(),
                TransformerLayersTest.crossMask());
        List<AttentionMap> maps = new ArrayList<>();
        Tensor memory = encoder.forward(x, TransformerLayersTest
                .sourceMask(), maps);
        Tensor same = decoder.forward(y, memory, TransformerLayersTest
                .targetMask(), TransformerLayersTest.crossMask(), maps);
        for (int i = 0; i < out.value().getNumElements(); i++) {
            assertEquals(out.value().get(i), same.value().get(i), 0,
                    "the pass with maps computes the same output, " + i);
        }
        List<String> order = new ArrayList<>();
        for (AttentionMap map : maps) {
            order.add(map.kind() + " " + map.layer() + " " + map.head());
            int keys = map.kind() == Kind.DECODER_SELF ? T : S;
            int queries = map.kind() == Kind.ENCODER_SELF ? S : T;
            DMatrixRMaj w = map.weights();
            assertEquals(List.of(B * queries, keys), List.of(w.numRows,
                    w.numCols), order.get(order.size() - 1));
            DMatrixRMaj used = UsedWeights.in(out, attention(encoder,
                    decoder, map)).get(map.head());
            for (int i = 0; i < w.getNumElements(); i++) {
                assertEquals(used.get(i), w.get(i), 1e-12, map.kind() + " "
                        + map.layer() + " head " + map.head() + ", element "
                        + i);
            }
        }
        List<String> expected = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < H; h++) {
                expected.add("ENCODER_SELF " + l + " " + h);
            }
        }
        for (int l = 0; l < 2; l++) {
            for (Kind kind : List.of(Kind.DECODER_SELF, Kind.CROSS)) {
                for (int h = 0; h < H; h++) {
                    expected.add(kind + " " + l + " " + h);
                }
            }
        }
        assertEquals(expected, order);
    }

    static MultiHeadAttention attention(Encoder encoder, Decoder decoder,
            AttentionMap map) {
        return switch (map.kind()) {
            case ENCODER_SELF -> encoder.layers().get(map.layer())
                    .selfAttention();
            case DECODER_SELF -> decoder.layers().get(map.layer())
                    .selfAttention();
            case CROSS -> decoder.layers().get(map.layer()).crossAttention();
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementationsAndNorms")
    void everyAttentionIsBuiltAsConfigured(Implementation implementation,
            NormPlacement norm) {
        LayerConfig config = TransformerLayersTest.config(norm)
                .withImplementation(implementation);
        DecoderLayer decoder = new DecoderLayer(config, new Random(1));
        for (MultiHeadAttention attention : List.of(new EncoderLayer(config,
                new Random(1)).selfAttention(), decoder.selfAttention(),
                decoder.crossAttention())) {
            assertEquals(implementation, attention.implementation());
        }
    }
}
