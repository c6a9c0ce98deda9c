package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.nn.ModuleCheck;
import org.scratchformer.tensor.Tensor;

/**
 * The layers and stacks: gradient checks in both norm placements, and the
 * attention contract seen from a whole encoder-decoder. Sizes all differ:
 * B 2, T 4, S 5, C 6, H 3, F 7.
 */
class TransformerLayersTest {
    static final int B = 2;
    static final int T = 4;
    static final int S = 5;
    static final int C = 6;
    static final int H = 3;
    static final int F = 7;
    static final int[] SOURCE_LENGTHS = {5, 3};
    static final int[] TARGET_LENGTHS = {4, 2};

    static LayerConfig config(NormPlacement norm) {
        return LayerConfig.of(C, H, F, 0).withNorm(norm);
    }

    static Tensor random(Random random, int rows, int cols) {
        return Tensor.variable(RandomCases.values(random, rows, cols));
    }

    static AttentionMask sourceMask() {
        return AttentionMask.padding(SOURCE_LENGTHS, S, S);
    }

    static AttentionMask targetMask() {
        return AttentionMask.causal(B, T)
                .and(AttentionMask.padding(TARGET_LENGTHS, T, T));
    }

    static AttentionMask crossMask() {
        return AttentionMask.padding(SOURCE_LENGTHS, T, S);
    }

    static Stream<Arguments> seedsAndNorms() {
        return RandomCases.seeds(10_001, 2).flatMap(seed -> Stream.of(
                NormPlacement.values()).map(n -> Arguments.of(seed, n)));
    }

    @ParameterizedTest(name = "seed={0} {1}")
    @MethodSource("seedsAndNorms")
    void encoderLayerPassesModuleCheck(long seed, NormPlacement norm) {
        Random random = new Random(seed);
        EncoderLayer layer = new EncoderLayer(config(norm), random);
        AttentionMask mask = sourceMask();
        ModuleCheck.of(layer, in -> layer.forward(in.get(0), mask))
                .inputNames("x").seed(seed).sample(20)
                .check(random(random, B * S, C));
    }

    @ParameterizedTest(name = "seed={0} {1}")
    @MethodSource("seedsAndNorms")
    void decoderLayerPassesModuleCheck(long seed, NormPlacement norm) {
        Random random = new Random(seed);
        DecoderLayer layer = new DecoderLayer(config(norm), random);
        ModuleCheck.of(layer, in -> layer.forward(in.get(0), in.get(1),
                targetMask(), crossMask())).inputNames("y", "memory")
                .seed(seed).sample(20)
                .check(random(random, B * T, C), random(random, B * S, C));
    }

    /** Encoder then decoder, two layers each: the decoder's output. */
    static DMatrixRMaj encodeDecode(Encoder encoder, Decoder decoder,
            DMatrixRMaj source, DMatrixRMaj target) {
        Tensor memory = encoder.forward(Tensor.constant(source),
                sourceMask());
        return decoder.forward(Tensor.constant(target), memory, targetMask(),
                crossMask()).value();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NormPlacement.class)
    void aFutureTargetTokenChangesNoEarlierPosition(NormPlacement norm) {
        Random random = new Random(10_101);
        Encoder encoder = new Encoder(2, config(norm), random);
        Decoder decoder = new Decoder(2, config(norm), random);
        DMatrixRMaj source = RandomCases.values(random, B * S, C);
        DMatrixRMaj target = RandomCases.values(random, B * T, C);
        DMatrixRMaj before = encodeDecode(encoder, decoder, source, target);
        for (int changed = 1; changed < T; changed++) {
            DMatrixRMaj target2 = target.copy();
            for (int j = 0; j < C; j++) {
                target2.set(changed, j, random.nextGaussian());  // b0
            }
            DMatrixRMaj after = encodeDecode(encoder, decoder, source,
                    target2);
            for (int r = 0; r < B * T; r++) {
                boolean earlierOrOther = r < changed || r >= T;
                for (int j = 0; j < C; j++) {
                    if (earlierOrOther) {
                        assertEquals(before.get(r, j), after.get(r, j), 1e-13,
                                "token " + changed + " changed, row " + r);
                    }
                }
            }
            assertNotEquals(before.get(changed, 0), after.get(changed, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NormPlacement.class)
    void aPaddedSourceTokenChangesNoDecoderOutput(NormPlacement norm) {
        Random random = new Random(10_201);
        Encoder encoder = new Encoder(2, config(norm), random);
        Decoder decoder = new Decoder(2, config(norm), random);
        DMatrixRMaj source = RandomCases.values(random, B * S, C);
        DMatrixRMaj target = RandomCases.values(random, B * T, C);
        DMatrixRMaj before = encodeDecode(encoder, decoder, source, target);
        DMatrixRMaj source2 = source.copy();
        for (int s = SOURCE_LENGTHS[1]; s < S; s++) {  // b1's padding
            for (int j = 0; j < C; j++) {
                source2.set(S + s, j, 10 * random.nextGaussian());
            }
        }
        DMatrixRMaj after = encodeDecode(encoder, decoder, source2, target);
        for (int i = 0; i < before.getNumElements(); i++) {
            assertEquals(before.get(i), after.get(i), 1e-13, "element " + i);
        }
    }

    @Test
    void withoutPositionsTheEncoderIsPermutationEquivariant() {
        Random random = new Random(10_301);
        Encoder encoder = new Encoder(2, config(NormPlacement.POST), random);
        int length = 5;
        DMatrixRMaj x = RandomCases.values(random, length, C);
        int[] order = {2, 4, 0, 3, 1};
        DMatrixRMaj permuted = new DMatrixRMaj(length, C);
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < C; j++) {
                permuted.set(t, j, x.get(order[t], j));
            }
        }
        AttentionMask none = AttentionMask.none(1, length, length);
        DMatrixRMaj y = encoder.forward(Tensor.constant(x), none).value();
        DMatrixRMaj yp = encoder.forward(Tensor.constant(permuted), none)
                .value();
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < C; j++) {
                assertEquals(y.get(order[t], j), yp.get(t, j), 1e-13);
            }
        }
    }

    @Test
    void preLnStacksEndWithANormAndPostLnStacksDoNot() {
        Random random = new Random(1);
        assertTrue(new Encoder(2, config(NormPlacement.PRE), random)
                .parameters().containsKey("final_norm.gain"));
        assertTrue(new Decoder(1, config(NormPlacement.PRE), random)
                .parameters().containsKey("final_norm.gain"));
        assertTrue(new Encoder(2, config(NormPlacement.POST), random)
                .parameters().keySet().stream().noneMatch(
                        n -> n.startsWith("final_norm")));
        assertTrue(new Encoder(2, config(NormPlacement.POST), random)
                .parameters().containsKey(
                        "layers.1.self_attention.query.weight"));
    }

    @Test
    void badConfigurationsAreNamed() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> LayerConfig.of(10, 3, 8, 0)).getMessage();
        assertTrue(message.contains("d_model 10") && message.contains(
                "heads 3"), message);
        assertThrows(IllegalArgumentException.class,
                () -> LayerConfig.of(6, 3, 8, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new Encoder(0, config(NormPlacement.POST),
                        new Random(1)));
    }
}
