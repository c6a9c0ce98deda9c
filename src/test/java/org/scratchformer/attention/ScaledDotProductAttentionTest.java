package org.scratchformer.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.scratchformer.attention.AttentionAssertions.assertClose;
import static org.scratchformer.attention.AttentionAssertions.assertRejected;
import static org.scratchformer.attention.AttentionAssertions.assertRowsClose;
import static org.scratchformer.attention.AttentionAssertions.random;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.attention.ScaledDotProductAttention.Result;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * The attention contract. Sizes all differ (B 2, T 3, S 5, D 4), so a
 * missing transpose or a swapped axis fails instead of passing by luck.
 */
class ScaledDotProductAttentionTest {
    static final int B = 2;
    static final int T = 3;
    static final int S = 5;
    static final int D = 4;
    static final int[] KEY_LENGTHS = {3, 5};

    static Stream<Long> seeds() {
        return RandomCases.seeds(8_001, 10);
    }

    static Result attend(DMatrixRMaj q, DMatrixRMaj k, DMatrixRMaj v,
            AttentionMask mask) {
        return ScaledDotProductAttention.attend(Tensor.constant(q),
                Tensor.constant(k), Tensor.constant(v), mask);
    }

    /** softmax(q·kᵀ/√d + mask)·v for one query, with plain loops. */
    static double[] byHand(DMatrixRMaj q, DMatrixRMaj k, DMatrixRMaj v,
            AttentionMask mask, int b, int t, int keys) {
        int d = q.numCols;
        double[] weight = new double[keys];
        double total = 0;
        for (int s = 0; s < keys; s++) {
            if (!mask.keeps(b, t, s)) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += q.get(b * mask.queries() + t, j)
                        * k.get(b * keys + s, j);
            }
            weight[s] = Math.exp(dot / Math.sqrt(d));
            total += weight[s];
        }
        double[] out = new double[v.numCols];
        for (int s = 0; s < keys; s++) {
            for (int j = 0; j < v.numCols; j++) {
                out[j] += weight[s] / total * v.get(b * keys + s, j);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void matchesTheFormulaComputedByHand(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj q = random(random, B * T, D);
        DMatrixRMaj k = random(random, B * S, D);
        DMatrixRMaj v = random(random, B * S, D + 2);  // d_v ≠ d_k
        AttentionMask mask = AttentionMask.padding(KEY_LENGTHS, T, S);
        DMatrixRMaj out = attend(q, k, v, mask).output().value();
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                double[] expected = byHand(q, k, v, mask, b, t, S);
                for (int j = 0; j < D + 2; j++) {
                    assertEquals(expected[j], out.get(b * T + t, j), 1e-14,
                            "b" + b + " t" + t + " column " + j);
                }
            }
        }
    }

    @Test
    void weightsAreADistributionWithMaskedKeysExactlyZero() {
        Random random = new Random(8_101);
        AttentionMask mask = AttentionMask.padding(KEY_LENGTHS, T, S);
        DMatrixRMaj w = attend(random(random, B * T, D),
                random(random, B * S, D), random(random, B * S, D), mask)
                .weights().value();  // (B·T, S)
        assertEquals(B * T, w.numRows);
        assertEquals(S, w.numCols);
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                double sum = 0;
                for (int s = 0; s < S; s++) {
                    double x = w.get(b * T + t, s);
                    if (!mask.keeps(b, t, s)) {
                        assertEquals(0.0, x, "masked b" + b + " s" + s);
                    }
                    sum += x;
                }
                assertEquals(1, sum, 1e-14, "row b" + b + " t" + t);
            }
        }
    }

    // tag::padded-key[]
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void changingAPaddedKeyOrValueChangesNoOutput(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj q = random(random, B * T, D);
        DMatrixRMaj k = random(random, B * S, D);
        DMatrixRMaj v = random(random, B * S, D);
        AttentionMask mask = AttentionMask.padding(KEY_LENGTHS, T, S);
        DMatrixRMaj before = attend(q, k, v, mask).output().value();
        DMatrixRMaj k2 = k.copy();
        DMatrixRMaj v2 = v.copy();
        for (int s = KEY_LENGTHS[0]; s < S; s++) {  // sequence 0's padding
            for (int j = 0; j < D; j++) {
                k2.set(s, j, 100 * random.nextGaussian());
                v2.set(s, j, 100 * random.nextGaussian());
            }
        }
        DMatrixRMaj after = attend(q, k2, v2, mask).output().value();
        assertClose(before, after, 0, "output");
        // and the same change without the mask does change it
        AttentionMask none = AttentionMask.none(B, T, S);
        assertNotEquals(attend(q, k, v, none).output().value().get(0, 0),
                attend(q, k2, v2, none).output().value().get(0, 0));
    }
    // end::padded-key[]

    // tag::future-token[]
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void aFutureTokenChangesNoEarlierPosition(long seed) {
        Random random = new Random(seed);
        int length = 4;
        DMatrixRMaj x = random(random, B * length, D);
        AttentionMask causal = AttentionMask.causal(B, length);
        DMatrixRMaj before = attend(x, x, x, causal).output().value();
        for (int changed = 0; changed < length; changed++) {
            DMatrixRMaj x2 = x.copy();
            for (int j = 0; j < D; j++) {  // token `changed` of sequence 1
                x2.set(length + changed, j, random.nextGaussian());
            }
            DMatrixRMaj after = attend(x2, x2, x2, causal).output().value();
            // sequence 0 untouched, sequence 1 up to the changed token
            assertRowsClose(before, after, 0, length + changed, 0,
                    "token " + changed + " changed");
            assertNotEquals(before.get(length + changed, 0),
                    after.get(length + changed, 0));
        }
    }
    // end::future-token[]

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void withoutPositionsSelfAttentionIsPermutationEquivariant(long seed) {
        Random random = new Random(seed);
        int length = 5;
        DMatrixRMaj x = random(random, length, D);
        int[] order = {3, 0, 4, 1, 2};
        DMatrixRMaj permuted = new DMatrixRMaj(length, D);
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < D; j++) {
                permuted.set(t, j, x.get(order[t], j));
            }
        }
        AttentionMask none = AttentionMask.none(1, length, length);
        DMatrixRMaj y = attend(x, x, x, none).output().value();
        DMatrixRMaj yPermuted = attend(permuted, permuted, permuted, none)
                .output().value();
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < D; j++) {
                assertEquals(y.get(order[t], j), yPermuted.get(t, j), 1e-14,
                        "position " + t);
            }
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void backwardMatchesCentralDifferencesWithBothMasks(long seed) {
        Random random = new Random(seed);
        AttentionMask padding = AttentionMask.padding(KEY_LENGTHS, T, S);
        GradCheck.of(x -> ScaledDotProductAttention.attend(x.get(0),
                x.get(1), x.get(2), padding).output()).seed(seed)
                .check(Tensor.variable(random(random, B * T, D)),
                        Tensor.variable(random(random, B * S, D)),
                        Tensor.variable(random(random, B * S, D + 1)));
        AttentionMask causal = AttentionMask.causal(B, T)
                .and(AttentionMask.padding(new int[] {3, 2}, T, T));
        GradCheck.of(x -> ScaledDotProductAttention.attend(x.get(0),
                x.get(1), x.get(2), causal).output()).seed(seed)
                .check(Tensor.variable(random(random, B * T, D)),
                        Tensor.variable(random(random, B * T, D)),
                        Tensor.variable(random(random, B * T, D)));
    }

    @Test
    void shapesThatDoNotFitTheMaskAreNamed() {
        AttentionMask mask = AttentionMask.none(B, T, S);
        Tensor q = Tensor.constant(new DMatrixRMaj(B * T, D));
        Tensor k = Tensor.constant(new DMatrixRMaj(B * S, D));
        Tensor wrongK = Tensor.constant(new DMatrixRMaj(B * T, D));
        assertRejected(() -> ScaledDotProductAttention.attend(q, wrongK,
                wrongK, mask), "attention", "K (6x4)", "K and V 10");
        Tensor narrowK = Tensor.constant(new DMatrixRMaj(B * S, D - 1));
        assertRejected(() -> ScaledDotProductAttention.attend(q, narrowK,
                k, mask), "Q (6x4)", "K (10x3)", "same width");
    }
}
