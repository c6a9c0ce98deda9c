package org.scratchformer.multihead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.multihead.MultiHeadAttention.Implementation;
import org.scratchformer.nn.ModuleCheck;
import org.scratchformer.nn.Parameter;
import org.scratchformer.tensor.Tensor;

/**
 * Both implementations, against each other and against central
 * differences. Sizes all differ: B 2, T 3, S 5, C 6, H 3, D 2.
 */
class MultiHeadAttentionTest {
    static final int B = 2;
    static final int T = 3;
    static final int S = 5;
    static final int C = 6;
    static final int H = 3;

    static Stream<Long> seeds() {
        return RandomCases.seeds(9_001, 8);
    }

    static DMatrixRMaj random(Random random, int rows, int cols) {
        return RandomCases.values(random, rows, cols);
    }

    static AttentionMask crossMask() {
        return AttentionMask.padding(new int[] {4, 2}, T, S);
    }

    static AttentionMask selfMask() {
        return AttentionMask.causal(B, T)
                .and(AttentionMask.padding(new int[] {3, 2}, T, T));
    }

    /** Runs forward and backward; returns output and every gradient. */
    static Map<String, DMatrixRMaj> run(MultiHeadAttention attention,
            DMatrixRMaj x, DMatrixRMaj z, AttentionMask mask,
            DMatrixRMaj dY) {
        attention.zeroGrad();
        Tensor xt = Tensor.variable(x.copy());
        Tensor zt = z == null ? xt : Tensor.variable(z.copy());
        Tensor y = attention.forward(xt, zt, mask);
        y.backward(dY);
        Map<String, DMatrixRMaj> all = new java.util.LinkedHashMap<>();
        all.put("output", y.value());
        all.put("dX", xt.grad().copy());
        all.put("dZ", zt.grad().copy());
        attention.parameters().forEach((name, p) -> all.put(name,
                p.grad().copy()));
        return all;
    }

    static void assertAgree(Map<String, DMatrixRMaj> expected,
            Map<String, DMatrixRMaj> actual, double tol) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, e) -> {
            DMatrixRMaj a = actual.get(name);
            for (int i = 0; i < e.getNumElements(); i++) {
                assertEquals(e.get(i), a.get(i), tol, name + " element " + i);
            }
        });
    }

    /** Built from the seed: one seed, one set of weights, either way. */
    static MultiHeadAttention built(long seed, Implementation choice) {
        return new MultiHeadAttention(C, H, choice, new Random(seed));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fusedAndComposedAgreeInValueAndEveryGradient(long seed) {
        Random random = new Random(seed);
        MultiHeadAttention composed = built(seed, Implementation.COMPOSED);
        MultiHeadAttention fused = built(seed, Implementation.FUSED);
        DMatrixRMaj x = random(random, B * T, C);
        DMatrixRMaj z = random(random, B * S, C);
        DMatrixRMaj dY = random(random, B * T, C);
        // cross-attention, S ≠ T, padded keys
        assertAgree(run(composed, x, z, crossMask(), dY),
                run(fused, x, z, crossMask(), dY), 1e-10);
        // self-attention, causal and padded
        assertAgree(run(composed, x, null, selfMask(), dY),
                run(fused, x, null, selfMask(), dY), 1e-10);
    }

    @ParameterizedTest(name = "seed={0} {1}")
    @MethodSource("seedsAndImplementations")
    void bothPassModuleCheck(long seed, Implementation implementation) {
        Random random = new Random(seed);
        MultiHeadAttention attention = built(seed, implementation);
        AttentionMask mask = crossMask();
        ModuleCheck.of(attention, in -> attention.forward(in.get(0),
                in.get(1), mask)).inputNames("x", "z").seed(seed)
                .check(Tensor.variable(random(random, B * T, C)),
                        Tensor.variable(random(random, B * S, C)));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments>
            seedsAndImplementations() {
        return seeds().limit(3).flatMap(seed -> Stream.of(Implementation
                .values()).map(i -> org.junit.jupiter.params.provider
                .Arguments.of(seed, i)));
    }

    @Test
    void aModelWidthTheHeadsDoNotDivideIsAnError() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new MultiHeadAttention(10, 3, new Random(1)))
                .getMessage();
        assertTrue(message.contains("d_model 10") && message.contains(
                "head count 3"), message);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void changingAPaddedKeyChangesNoOutput(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = random(random, B * T, C);
        DMatrixRMaj z = random(random, B * S, C);
        DMatrixRMaj before = built(seed, Implementation.COMPOSED).forward(
                Tensor.constant(x), Tensor.constant(z), crossMask()).value();
        DMatrixRMaj z2 = z.copy();
        for (int j = 0; j < C; j++) {
            z2.set(4, j, 50 * random.nextGaussian());      // b0 key 4
            z2.set(S + 3, j, 50 * random.nextGaussian());  // b1 key 3
        }
        for (Implementation implementation : Implementation.values()) {
            DMatrixRMaj after = built(seed, implementation).forward(
                    Tensor.constant(x), Tensor.constant(z2), crossMask())
                    .value();
            for (int i = 0; i < before.getNumElements(); i++) {
                assertEquals(before.get(i), after.get(i), 1e-14,
                        implementation + " element " + i);
            }
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments>
            masksAndImplementations() {
        return Stream.of(Implementation.values()).flatMap(i -> Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("cross", i),
                org.junit.jupiter.params.provider.Arguments.of("self", i)));
    }

    @ParameterizedTest(name = "{0}-attention, {1}")
    @MethodSource("masksAndImplementations")
    void weightsAreThoseTheForwardPassUsed(String kind,
            Implementation implementation) {
        Random random = new Random(9_101);
        MultiHeadAttention attention = built(3, implementation);
        boolean cross = kind.equals("cross");
        AttentionMask mask = cross ? crossMask() : selfMask();
        Tensor x = Tensor.variable(random(random, B * T, C));
        Tensor z = cross ? Tensor.variable(random(random, B * S, C)) : x;
        int keys = cross ? S : T;
        Tensor y = attention.forward(x, z, mask);
        List<DMatrixRMaj> used = UsedWeights.in(y, attention);
        List<DMatrixRMaj> weights = attention.weights(x, z, mask);
        assertEquals(H, weights.size());
        for (int h = 0; h < H; h++) {
            DMatrixRMaj w = weights.get(h);  // (B·T, S)
            assertEquals(List.of(B * T, keys), List.of(w.numRows, w.numCols));
            for (int r = 0; r < B * T; r++) {
                double sum = 0;
                for (int s = 0; s < keys; s++) {
                    String at = "head " + h + " row " + r + " key " + s;
                    assertEquals(used.get(h).get(r, s), w.get(r, s), 1e-12,
                            at);
                    if (!mask.keeps(r / T, r % T, s)) {
                        assertEquals(0, w.get(r, s), 0, at + " is masked");
                    }
                    sum += w.get(r, s);
                }
                assertEquals(1, sum, 1e-12, "head " + h + " row " + r);
            }
        }
    }

    @Test
    void weightsDependOnlyOnTheInputsGiven() {
        // nothing of a pass is kept: another pass in between changes nothing
        Random random = new Random(9_102);
        MultiHeadAttention attention = built(4, Implementation.FUSED);
        Tensor x = Tensor.constant(random(random, B * T, C));
        Tensor z = Tensor.constant(random(random, B * S, C));
        List<DMatrixRMaj> before = attention.weights(x, z, crossMask());
        attention.forward(Tensor.constant(random(random, B * T, C)),
                selfMask());
        List<DMatrixRMaj> after = attention.weights(x, z, crossMask());
        for (int h = 0; h < H; h++) {
            for (int i = 0; i < before.get(h).getNumElements(); i++) {
                assertEquals(before.get(h).get(i), after.get(h).get(i), 0,
                        "head " + h + " element " + i);
            }
        }
    }

    @Test
    void inputsThatDoNotFitAreNamed() {
        MultiHeadAttention attention = new MultiHeadAttention(C, H,
                new Random(1));
        String message = assertThrows(IllegalArgumentException.class,
                () -> attention.forward(Tensor.constant(new DMatrixRMaj(
                        B * T, C)), Tensor.constant(new DMatrixRMaj(B * T,
                                C)), crossMask())).getMessage();
        assertTrue(message.contains("keys (6x6)") && message.contains(
                "5 keys"), message);
    }

    @Test
    void parametersAreNamedForCheckpoints() {
        Map<String, Parameter> names = new MultiHeadAttention(C, H,
                new Random(1)).parameters();
        assertEquals(List.of("query.weight", "query.bias",
                "key.weight", "key.bias", "value.weight", "value.bias",
                "output.weight", "output.bias"),
                List.copyOf(names.keySet()));
    }
}
