package org.scratchformer.multihead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.scratchformer.multihead.AttentionCheck.GRADIENTS;
import static org.scratchformer.multihead.AttentionCheck.HEADS_GRADIENTS;
import static org.scratchformer.multihead.AttentionCheck.HEADS_NO_FUTURE;
import static org.scratchformer.multihead.AttentionCheck.HEADS_OUTPUT;
import static org.scratchformer.multihead.AttentionCheck.HEADS_PADDED_KEYS;
import static org.scratchformer.multihead.AttentionCheck.HUGE_PADDED_KEYS;
import static org.scratchformer.multihead.AttentionCheck.NO_FUTURE;
import static org.scratchformer.multihead.AttentionCheck.OUTPUT;
import static org.scratchformer.multihead.AttentionCheck.WEIGHTS;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.ScaledDotProductAttention.Result;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * Every catalogued bug is caught by named behaviour checks, and the
 * correct attention passes all of them, so no check is vacuous. The
 * catalogue below says which checks catch which bug, exactly: a bug that
 * slips past a check is part of its symptom (docs/attention-bugs.adoc).
 */
class BugCatalogueTest {
    // tag::catalogue[]
    static final Map<AttentionBugs, Set<AttentionCheck>> CAUGHT_BY =
            new EnumMap<>(AttentionBugs.class);

    static {
        CAUGHT_BY.put(AttentionBugs.SOFTMAX_LEFT_OUT,
                EnumSet.allOf(AttentionCheck.class));
        CAUGHT_BY.put(AttentionBugs.K_NOT_TRANSPOSED,
                EnumSet.allOf(AttentionCheck.class));
        CAUGHT_BY.put(AttentionBugs.K_TIMES_SQRT_D,
                EnumSet.of(OUTPUT, GRADIENTS, HEADS_OUTPUT, HEADS_GRADIENTS));
        CAUGHT_BY.put(AttentionBugs.SCALED_BY_MODEL_WIDTH,
                EnumSet.of(HEADS_OUTPUT, HEADS_GRADIENTS));
        CAUGHT_BY.put(AttentionBugs.RESHAPE_BEFORE_TRANSPOSE,
                EnumSet.of(HEADS_OUTPUT, HEADS_PADDED_KEYS, HEADS_NO_FUTURE,
                        HEADS_GRADIENTS));
        CAUGHT_BY.put(AttentionBugs.SOFTMAX_OVER_QUERIES,
                EnumSet.allOf(AttentionCheck.class));
        CAUGHT_BY.put(AttentionBugs.MASK_NOT_APPLIED,
                EnumSet.complementOf(EnumSet.of(WEIGHTS)));
        CAUGHT_BY.put(AttentionBugs.CAUSAL_MASK_SHIFTED,
                EnumSet.of(NO_FUTURE, HEADS_NO_FUTURE));
        CAUGHT_BY.put(AttentionBugs.FINITE_MASK,
                EnumSet.of(HUGE_PADDED_KEYS));
        CAUGHT_BY.put(AttentionBugs.NO_PROJECTIONS,
                EnumSet.of(HEADS_OUTPUT, HEADS_GRADIENTS));
    }
    // end::catalogue[]

    /** The failure of {@code check} on {@code attention}, or null. */
    static Throwable failure(AttentionCheck check,
            AttentionVariant attention) {
        try {
            check.run(attention);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    @ParameterizedTest(name = "correct attention passes: {0}")
    @EnumSource(AttentionCheck.class)
    void theCorrectAttentionPassesEveryCheck(AttentionCheck check) {
        check.run(AttentionVariant.CORRECT);
    }

    @ParameterizedTest(name = "head by head, correct attend, passes: {0}")
    @EnumSource(AttentionCheck.class)
    void headByHeadWithTheCorrectAttendPassesEveryCheck(
            AttentionCheck check) {
        // the path by which a bug in attend reaches multi-head attention
        check.run(new AttentionVariant() {
        });
    }

    // tag::caught[]
    @ParameterizedTest(name = "{0}: caught by the checks the catalogue"
            + " names")
    @EnumSource(AttentionBugs.class)
    void everyBugIsCaughtByTheChecksTheCatalogueNames(AttentionBugs bug) {
        Set<AttentionCheck> caught = EnumSet.noneOf(AttentionCheck.class);
        StringBuilder why = new StringBuilder();
        for (AttentionCheck check : AttentionCheck.values()) {
            Throwable failure = failure(check, bug);
            if (failure != null) {
                caught.add(check);
                why.append("\n  '").append(check).append("': ")
                        .append(failure.getMessage());
            }
        }
        assertFalse(caught.isEmpty(), "no check caught '" + bug + "'");
        assertEquals(CAUGHT_BY.get(bug), caught, "the catalogue and the"
                + " checks disagree on '" + bug + "', caught by:" + why);
    }
    // end::caught[]

    static Stream<Arguments> bugsAndTheirChecks() {
        return CAUGHT_BY.entrySet().stream().flatMap(entry -> entry
                .getValue().stream().map(check -> Arguments.of(
                        entry.getKey(), check)));
    }

    @ParameterizedTest(name = "{0} is caught by: {1}")
    @MethodSource("bugsAndTheirChecks")
    void eachNamedCheckCatchesItsBug(AttentionBugs bug,
            AttentionCheck check) {
        if (failure(check, bug) == null) {
            fail("'" + check + "' did not catch '" + bug + "'");
        }
    }

    @Test
    void everyCheckCatchesAtLeastOneBug() {
        Set<AttentionCheck> used = EnumSet.noneOf(AttentionCheck.class);
        CAUGHT_BY.values().forEach(used::addAll);
        assertEquals(EnumSet.allOf(AttentionCheck.class), used,
                "a check that catches no bug checks nothing");
    }

    @Test
    void theCatalogueListsEveryBug() {
        assertEquals(EnumSet.allOf(AttentionBugs.class), CAUGHT_BY.keySet());
    }

    // tag::square[]
    @Test
    void kNotTransposedRunsUnnoticedWhenShapesAreSquare() {
        Random random = new Random(6_101);
        int b = 2;
        int n = 4;  // T = S = D
        Tensor q = Tensor.constant(RandomCases.values(random, b * n, n));
        Tensor k = Tensor.constant(RandomCases.values(random, b * n, n));
        Tensor v = Tensor.constant(RandomCases.values(random, b * n, n));
        AttentionMask none = AttentionMask.none(b, n, n);
        Result wrong = AttentionBugs.K_NOT_TRANSPOSED.attend(q, k, v, none);
        Result right = AttentionVariant.CORRECT.attend(q, k, v, none);
        // no error, the right shapes, rows of weights that sum to 1 ...
        assertEquals(b * n, wrong.output().rows());
        assertEquals(n, wrong.output().cols());
        for (int r = 0; r < b * n; r++) {
            double sum = 0;
            for (int s = 0; s < n; s++) {
                sum += wrong.weights().get(r, s);
            }
            assertEquals(1, sum, 1e-12, "row " + r);
        }
        // ... and the wrong numbers
        assertNotEquals(right.output().get(0, 0),
                wrong.output().get(0, 0), 1e-3);
    }
    // end::square[]

    @Test
    void aCausalMaskThatLosesTheDiagonalIsRefused() {
        // s < t instead of s ≤ t: query 0 is left with no key at all
        String message = assertThrows(IllegalArgumentException.class,
                () -> AttentionMask.where(2, 4, 4, (b, t, s) -> s < t))
                .getMessage();
        assertTrue(message.contains("query 0 of sequence 0"), message);
    }

    @Test
    void theFiniteMaskPassesWhenPaddedScoresAreOrdinary() {
        // exp(−1e9 + score) is exactly 0 in double unless the score is
        // near 1e9: the bug hides behind underflow
        Random random = new Random(6_201);
        DMatrixRMaj q = RandomCases.values(random, 6, 4);
        DMatrixRMaj k = RandomCases.values(random, 10, 4);
        DMatrixRMaj v = RandomCases.values(random, 10, 6);
        AttentionMask mask = AttentionMask.padding(new int[] {3, 4}, 3, 5);
        AttentionCheck.assertAgree(
                AttentionCheck.attend(AttentionVariant.CORRECT, q, k, v, mask),
                AttentionCheck.attend(AttentionBugs.FINITE_MASK, q, k, v,
                        mask), 0, "output");
    }
}
