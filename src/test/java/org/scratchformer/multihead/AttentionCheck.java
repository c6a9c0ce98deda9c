package org.scratchformer.multihead;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * The behaviour checks that the bug catalogue runs on every variant: the
 * attention contract, on sizes that all differ (one head: B 2, T 3, S 5,
 * D 4, d_v 6; multi-head: B 2, T 3, S 5, H 4, D 6, C 24), so that no bug
 * passes by a coincidence of shapes. A check passes by returning; it fails
 * by throwing, either an AssertionError or the variant's own exception.
 * Every check draws its values from the one fixed {@link #SEED}, so a
 * failure replays exactly.
 */
enum AttentionCheck {
    OUTPUT("output agrees with the correct attention") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            DMatrixRMaj q = values(random, B * T, D);
            DMatrixRMaj k = values(random, B * S, D);
            DMatrixRMaj v = values(random, B * S, DV);
            AttentionMask mask = AttentionMask.padding(KEY_LENGTHS, T, S);
            assertAgree(attend(AttentionVariant.CORRECT, q, k, v, mask),
                    attend(attention, q, k, v, mask), 1e-12, "output");
        }
    },

    WEIGHTS("each row of weights sums to 1") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            DMatrixRMaj w = attention.attend(constant(random, B * T, D),
                    constant(random, B * S, D), constant(random, B * S, DV),
                    AttentionMask.none(B, T, S)).weights().value();
            requireShape(w, B * T, S, "weights");
            for (int r = 0; r < w.numRows; r++) {
                double sum = 0;
                for (int s = 0; s < S; s++) {
                    double x = w.get(r, s);
                    if (!(x >= 0 && x <= 1)) {
                        throw new AssertionError("weight (" + r + ", " + s
                                + ") is " + x + ", not in [0, 1]");
                    }
                    sum += x;
                }
                if (Math.abs(sum - 1) > 1e-12) {
                    throw new AssertionError("row " + r + " of the weights"
                            + " sums to " + sum);
                }
            }
        }
    },

    PADDED_KEYS("a padded key or value changes no output") {
        @Override
        void run(AttentionVariant attention) {
            paddedKeysChangeNothing(attention, 100);
        }
    },

    HUGE_PADDED_KEYS("a huge padded key (10¹²) changes no output") {
        @Override
        void run(AttentionVariant attention) {
            paddedKeysChangeNothing(attention, 1e12);
        }
    },

    NO_FUTURE("a future token changes no earlier position") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            int length = 5;
            AttentionMask causal = attention.causal(B, length);
            DMatrixRMaj x = values(random, B * length, D);
            DMatrixRMaj before = attend(attention, x, x, x, causal);
            for (int changed = 1; changed < length; changed++) {
                DMatrixRMaj x2 = x.copy();
                for (int j = 0; j < D; j++) {  // token `changed` of b1
                    x2.set(length + changed, j, random.nextGaussian());
                }
                DMatrixRMaj after = attend(attention, x2, x2, x2, causal);
                assertRowsAgree(before, after, length + changed,
                        "token " + changed + " of sequence 1 changed");
            }
        }
    },

    GRADIENTS("gradients agree with the correct attention's") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            DMatrixRMaj q = values(random, B * T, D);
            DMatrixRMaj k = values(random, B * S, D);
            DMatrixRMaj v = values(random, B * S, DV);
            DMatrixRMaj dY = values(random, B * T, DV);
            AttentionMask mask = AttentionMask.padding(KEY_LENGTHS, T, S);
            Map<String, DMatrixRMaj> expected = gradients(
                    AttentionVariant.CORRECT, q, k, v, mask, dY);
            gradients(attention, q, k, v, mask, dY).forEach((name, g) ->
                    assertAgree(expected.get(name), g, 1e-10, name));
        }
    },

    HEADS_OUTPUT("multi-head output agrees with MultiHeadAttention") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            MultiHeadAttention module = module();
            Tensor x = constant(random, B * T, C);
            Tensor z = constant(random, B * S, C);
            AttentionMask mask = AttentionMask.padding(HEAD_KEY_LENGTHS, T, S);
            assertAgree(module.forward(x, z, mask).value(),
                    attention.forward(module, x, z, mask).value(), 1e-12,
                    "output");
        }
    },

    HEADS_PADDED_KEYS("multi-head: a padded key changes no output") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            MultiHeadAttention module = module();
            Tensor x = constant(random, B * T, C);
            DMatrixRMaj z = values(random, B * S, C);
            AttentionMask mask = AttentionMask.padding(HEAD_KEY_LENGTHS, T, S);
            DMatrixRMaj before = attention.forward(module, x,
                    Tensor.constant(z), mask).value();
            DMatrixRMaj z2 = z.copy();
            for (int b = 0; b < B; b++) {
                for (int s = HEAD_KEY_LENGTHS[b]; s < S; s++) {
                    for (int j = 0; j < C; j++) {
                        z2.set(b * S + s, j, 100 * random.nextGaussian());
                    }
                }
            }
            DMatrixRMaj after = attention.forward(module, x,
                    Tensor.constant(z2), mask).value();
            assertRowsAgree(before, after, B * T, "padded keys changed");
        }
    },

    HEADS_NO_FUTURE("multi-head: a future token changes no earlier"
            + " position") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            MultiHeadAttention module = module();
            AttentionMask causal = attention.causal(B, T);
            DMatrixRMaj x = values(random, B * T, C);
            DMatrixRMaj before = attention.forward(module,
                    Tensor.constant(x), Tensor.constant(x), causal).value();
            for (int changed = 1; changed < T; changed++) {
                DMatrixRMaj x2 = x.copy();
                for (int j = 0; j < C; j++) {  // token `changed` of b1
                    x2.set(T + changed, j, random.nextGaussian());
                }
                DMatrixRMaj after = attention.forward(module,
                        Tensor.constant(x2), Tensor.constant(x2), causal)
                        .value();
                assertRowsAgree(before, after, T + changed,
                        "token " + changed + " of sequence 1 changed");
            }
        }
    },

    HEADS_GRADIENTS("multi-head gradients agree, parameters included") {
        @Override
        void run(AttentionVariant attention) {
            Random random = new Random(SEED);
            DMatrixRMaj x = values(random, B * T, C);
            DMatrixRMaj z = values(random, B * S, C);
            DMatrixRMaj dY = values(random, B * T, C);
            AttentionMask mask = AttentionMask.padding(HEAD_KEY_LENGTHS, T, S);
            Map<String, DMatrixRMaj> expected = headGradients(
                    AttentionVariant.CORRECT, x, z, mask, dY);
            headGradients(attention, x, z, mask, dY).forEach((name, g) ->
                    assertAgree(expected.get(name), g, 1e-10, name));
        }
    };

    static final long SEED = 6_001;
    static final int B = 2;
    static final int T = 3;
    static final int S = 5;
    static final int D = 4;
    static final int DV = 6;
    static final int[] KEY_LENGTHS = {3, 4};
    static final int C = 24;
    static final int H = 4;
    static final int[] HEAD_KEY_LENGTHS = {4, 2};

    private final String displayName;

    AttentionCheck(String displayName) {
        this.displayName = displayName;
    }

    /** Returns if the variant passes; throws, saying why, if it fails. */
    abstract void run(AttentionVariant attention);

    @Override
    public String toString() {
        return displayName;
    }

    static void paddedKeysChangeNothing(AttentionVariant attention,
            double size) {
        Random random = new Random(SEED);
        DMatrixRMaj q = values(random, B * T, D);
        DMatrixRMaj k = values(random, B * S, D);
        DMatrixRMaj v = values(random, B * S, DV);
        AttentionMask mask = AttentionMask.padding(KEY_LENGTHS, T, S);
        DMatrixRMaj before = attend(attention, q, k, v, mask);
        DMatrixRMaj k2 = k.copy();
        DMatrixRMaj v2 = v.copy();
        for (int b = 0; b < B; b++) {
            for (int s = KEY_LENGTHS[b]; s < S; s++) {
                for (int j = 0; j < D; j++) {
                    k2.set(b * S + s, j, size * random.nextGaussian());
                }
                for (int j = 0; j < DV; j++) {
                    v2.set(b * S + s, j, size * random.nextGaussian());
                }
            }
        }
        assertRowsAgree(before, attend(attention, q, k2, v2, mask), B * T,
                "padded keys and values changed by about " + size);
    }

    static MultiHeadAttention module() {
        return new MultiHeadAttention(C, H, new Random(SEED));
    }

    static DMatrixRMaj values(Random random, int rows, int cols) {
        return RandomCases.values(random, rows, cols);
    }

    static Tensor constant(Random random, int rows, int cols) {
        return Tensor.constant(values(random, rows, cols));
    }

    static DMatrixRMaj attend(AttentionVariant attention, DMatrixRMaj q,
            DMatrixRMaj k, DMatrixRMaj v, AttentionMask mask) {
        return attention.attend(Tensor.constant(q), Tensor.constant(k),
                Tensor.constant(v), mask).output().value();
    }

    /** dQ, dK and dV for the loss whose gradient at the output is dY. */
    static Map<String, DMatrixRMaj> gradients(AttentionVariant attention,
            DMatrixRMaj q, DMatrixRMaj k, DMatrixRMaj v, AttentionMask mask,
            DMatrixRMaj dY) {
        Tensor qt = Tensor.variable(q.copy());
        Tensor kt = Tensor.variable(k.copy());
        Tensor vt = Tensor.variable(v.copy());
        attention.attend(qt, kt, vt, mask).output().backward(dY);
        Map<String, DMatrixRMaj> all = new LinkedHashMap<>();
        all.put("dQ", qt.grad());
        all.put("dK", kt.grad());
        all.put("dV", vt.grad());
        return all;
    }

    /** dX, dZ and every parameter's gradient, from a fresh module. */
    static Map<String, DMatrixRMaj> headGradients(AttentionVariant attention,
            DMatrixRMaj x, DMatrixRMaj z, AttentionMask mask,
            DMatrixRMaj dY) {
        MultiHeadAttention module = module();
        Tensor xt = Tensor.variable(x.copy());
        Tensor zt = Tensor.variable(z.copy());
        attention.forward(module, xt, zt, mask).backward(dY);
        Map<String, DMatrixRMaj> all = new LinkedHashMap<>();
        all.put("dX", xt.grad());
        all.put("dZ", zt.grad());
        module.parameters().forEach((name, p) -> all.put("d " + name,
                p.grad()));
        return all;
    }

    static void requireShape(DMatrixRMaj m, int rows, int cols, String what) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new AssertionError(what + " is (" + m.numRows + ", "
                    + m.numCols + "), not (" + rows + ", " + cols + ")");
        }
    }

    /** Same shape, every actual value finite and within tol. */
    static void assertAgree(DMatrixRMaj expected, DMatrixRMaj actual,
            double tol, String what) {
        requireShape(actual, expected.numRows, expected.numCols, what);
        for (int r = 0; r < expected.numRows; r++) {
            for (int c = 0; c < expected.numCols; c++) {
                double e = expected.get(r, c);
                double a = actual.get(r, c);
                if (!Double.isFinite(a) || Math.abs(e - a) > tol) {
                    throw new AssertionError(what + " (" + r + ", " + c
                            + ") is " + a + ", expected " + e);
                }
            }
        }
    }

    /** Rows [0, rows) are finite and did not change. */
    static void assertRowsAgree(DMatrixRMaj before, DMatrixRMaj after,
            int rows, String what) {
        requireShape(after, before.numRows, before.numCols, what);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < before.numCols; c++) {
                double a = before.get(r, c);
                double b = after.get(r, c);
                if (!Double.isFinite(a) || !Double.isFinite(b)
                        || Math.abs(a - b) > 1e-14) {
                    throw new AssertionError(what + ": output (" + r + ", "
                            + c + ") went from " + a + " to " + b);
                }
            }
        }
    }
}
