package org.scratchformer.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.MatMul;
import org.scratchformer.tensor.Sum;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.tensor.UnaryOp;

/**
 * The details of GradCheck that a reader relies on without seeing them:
 * which elements a sample picks, the weights of the projection, the length
 * of the random direction, the thresholds at their edges, and where a
 * finding says it is.
 */
class GradCheckDetailsTest {
    /** A power of two: x ± h and the difference quotients are exact. */
    static final double EXACT_STEP = 0x1p-20;

    /** Y = X; backward records every dY it is given. */
    static final class RecordingIdentity extends UnaryOp {
        final List<DMatrixRMaj> upstream = new ArrayList<>();

        @Override
        public String name() {
            return "recording_identity";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            return x.copy();
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            upstream.add(dY.copy());
            return dY.copy();
        }
    }

    /**
     * Y = X, but on its {@code call}-th backward (counting from 1) the
     * gradient at (row, col) is off by one.
     */
    static final class GlitchingIdentity extends UnaryOp {
        private final int call;
        private final int row;
        private final int col;
        private int calls;

        GlitchingIdentity(int call, int row, int col) {
            this.call = call;
            this.row = row;
            this.col = col;
        }

        @Override
        public String name() {
            return "glitching_identity";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            return x.copy();
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dX = dY.copy();
            if (++calls == call) {
                dX.set(row, col, dX.get(row, col) + 1);
            }
            return dX;
        }
    }

    static GradCheck wrongSignMatMul() {
        return GradCheck.of(x -> new BrokenOps.WrongSignMatMul()
                .apply(x.get(0), x.get(1)));
    }

    // --- custom step and tolerances ---

    @Test
    void aCustomStepAndZeroTolerancesAreHonoured() {
        // sum(X) with h = 2⁻²⁰: every x ± h and every quotient is exact, so
        // analytic and numeric agree to the last bit and the one-sided
        // slopes are equal: zero tolerance passes, with no kink
        Tensor x = Tensor.variable(new double[][] {{1, 0.5}, {-3, 2}});
        GradCheckReport exact = GradCheck.of(v -> new Sum().apply(v.get(0)))
                .step(EXACT_STEP).tolerances(0, 0).check(x);
        assertEquals(4, exact.elementsChecked());
        assertEquals(0.0, exact.maxRelativeError());
        // the default step 1e-6 is not a power of two: its rounding shows
        GradCheckReport rounded = GradCheck.of(v -> new Sum().apply(v.get(0)))
                .tolerances(0, 0).run(x);
        assertFalse(rounded.passed(), rounded.summary());
    }

    @Test
    void aSampleOfOneIsAllowed() {
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}});
        GradCheckReport report = GradCheck.of(v -> new Sum().apply(v.get(0)))
                .sample(1).check(x);
        assertEquals(1, report.elementsChecked());
    }

    // --- compare: the maximum relative error and atol ---

    @Test
    void aComparisonExactlyAtolInSizeSetsTheMaximumRelativeError() {
        // y = a·b at a = b = 1 with a wrong sign: analytic −1, numeric +1
        // (exact with h = 2⁻²⁰), so the size is exactly 1 and the relative
        // error |−1 − 1| / 1 = 2
        Tensor a = Tensor.variable(new double[][] {{1}});
        Tensor b = Tensor.constant(new double[][] {{1}});
        GradCheckReport atSize = wrongSignMatMul().step(EXACT_STEP)
                .tolerances(1, 0).run(a, b);
        assertEquals(2.0, atSize.maxRelativeError(), atSize.summary());
        // an atol above the size: the relative error no longer counts,
        // but the gap of 2 is still a finding
        GradCheckReport belowAtol = wrongSignMatMul().step(EXACT_STEP)
                .tolerances(1.5, 0).run(a, b);
        assertEquals(0.0, belowAtol.maxRelativeError(), belowAtol.summary());
        assertEquals(1, belowAtol.mismatches().size(), belowAtol.summary());
    }

    // --- kinks ---

    @Test
    void theKinkThresholdGrowsWithTheSlopes() {
        // x² at x = 100 with h = 0.01: one-sided slopes 199.99 and 200.01,
        // 0.02 apart; the threshold is 100·(atol + rtol·200.01) ≈ 20, so
        // this is curvature, not a kink
        Tensor x = Tensor.variable(new double[][] {{100}});
        GradCheckReport report = GradCheck.of(v -> new MatMul()
                .apply(v.get(0), v.get(0))).step(0.01).check(x);
        assertEquals(1, report.elementsChecked(), report.summary());
    }

    // --- the projection P and the random direction ---

    @Test
    void projectionWeightsLieBetweenHalfAndOneAndAHalf() {
        // every output element takes part with a weight away from 0, and
        // none with a negative weight that could cancel another's error
        RecordingIdentity op = new RecordingIdentity();
        Tensor x = Tensor.variable(RandomCases.values(new Random(3), 6, 7));
        GradCheck.of(v -> op.apply(v.get(0))).check(x);
        DMatrixRMaj p = op.upstream.get(0);
        Set<Double> distinct = new TreeSet<>();
        for (int k = 0; k < p.getNumElements(); k++) {
            assertTrue(p.get(k) >= 0.5 && p.get(k) < 1.5, "P" + k + " = "
                    + p.get(k));
            distinct.add(p.get(k));
        }
        assertEquals(p.getNumElements(), distinct.size(), "random weights");
    }

    @Test
    void theRandomDirectionHasLengthOne() {
        // y = a·b with b = 3 constant and one variable element a: along a
        // unit direction u = ±1 central differences measure ±3 exactly
        for (long seed = 1; seed <= 5; seed++) {
            GradCheckReport report = wrongSignMatMul().seed(seed).fast()
                    .run(Tensor.variable(new double[][] {{0.7}}),
                            Tensor.constant(new double[][] {{3}}));
            Mismatch m = report.mismatches().get(0);
            assertEquals("random direction", m.where());
            assertEquals(3, Math.abs(m.numeric()), 1e-6, report.summary());
            assertEquals(-m.numeric(), m.analytic(), 1e-6, report.summary());
        }
    }

    // --- sampling ---

    @Test
    void sampledElementsAreSpreadOverTheInputAndListedInOrder() {
        // every element of A is wrong, so each sampled one is reported
        Random r = new Random(8);
        Tensor a = Tensor.variable(RandomCases.awayFromZero(r, 10, 10, 0.5));
        Tensor b = Tensor.constant(RandomCases.awayFromZero(r, 10, 10, 0.5));
        Set<Integer> rows = new TreeSet<>();
        Set<Integer> cols = new TreeSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            GradCheckReport report = wrongSignMatMul().seed(seed).sample(5)
                    .run(a, b);
            assertEquals(5, report.mismatches().size(), report.summary());
            int previous = -1;
            for (Mismatch m : report.mismatches()) {
                int k = m.row() * 10 + m.col();
                assertTrue(k > previous, "reading order: "
                        + report.summary());
                previous = k;
                rows.add(m.row());
                cols.add(m.col());
            }
        }
        // 100 picks over 20 seeds: every row and every column is visited
        assertEquals(10, rows.size(), "rows " + rows);
        assertEquals(10, cols.size(), "columns " + cols);
    }

    // --- where a repeatability or accumulation finding says it is ---

    @Test
    void aNonRepeatableGradientNamesItsElementAndBothValues() {
        // backward 1 is the analytic gradient, backward 2 the repeat on a
        // fresh graph: it is off by one at (1,2) of a 2x3 input
        Tensor x = Tensor.variable(RandomCases.values(new Random(4), 2, 3));
        GlitchingIdentity op = new GlitchingIdentity(2, 1, 2);
        GradCheckReport report = GradCheck.of(v -> op.apply(v.get(0)))
                .run(x);
        assertEquals(1, report.mismatches().size(), report.summary());
        Mismatch m = report.mismatches().get(0);
        assertEquals(Mismatch.Kind.NOT_REPEATABLE, m.kind());
        assertEquals("input 0 element (1,2)", m.where());
        assertEquals(1.0, m.analytic() - m.numeric(), 1e-12,
                "the repeat is one more than the first: " + report.summary());
    }

    @Test
    void aFailedAccumulationNamesItsElementAndBothValues() {
        // backward 3 runs on the first graph again and is off by one at
        // (1,2): the sum of the two is not twice the first
        Tensor x = Tensor.variable(RandomCases.values(new Random(5), 2, 3));
        GlitchingIdentity op = new GlitchingIdentity(3, 1, 2);
        GradCheckReport report = GradCheck.of(v -> op.apply(v.get(0)))
                .run(x);
        assertEquals(1, report.mismatches().size(), report.summary());
        Mismatch m = report.mismatches().get(0);
        assertEquals(Mismatch.Kind.NO_ACCUMULATION, m.kind());
        assertEquals("input 0 element (1,2)", m.where());
        assertEquals(1.0, m.analytic() - m.numeric(), 1e-12,
                "got twice the first plus one: " + report.summary());
    }

    // --- the summary ---

    @Test
    void fiveFindingsAreAllShownWithNothingMore() {
        // a 1x5 input: five wrong elements, exactly as many as are shown
        Random r = new Random(6);
        GradCheckReport report = wrongSignMatMul().run(
                Tensor.variable(RandomCases.awayFromZero(r, 1, 5, 0.5)),
                Tensor.constant(RandomCases.awayFromZero(r, 5, 1, 0.5)));
        assertEquals(GradCheckReport.SHOWN, report.mismatches().size());
        String summary = report.summary();
        assertEquals(1 + GradCheckReport.SHOWN, summary.split("\n").length,
                summary);
        assertFalse(summary.contains("more"), summary);
    }
}
