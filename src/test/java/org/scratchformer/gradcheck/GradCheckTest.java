package org.scratchformer.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.tensor.Add;
import org.scratchformer.tensor.MatMul;
import org.scratchformer.tensor.Sum;
import org.scratchformer.tensor.Tensor;

/** GradCheck: what it passes, what it finds, and what it says. */
class GradCheckTest {
    static final Add ADD = new Add();
    static final MatMul MATMUL = new MatMul();
    static final Sum SUM = new Sum();

    static Tensor variable(Random r, int rows, int cols) {
        return Tensor.variable(RandomCases.values(r, rows, cols));
    }

    static String shapes(List<Tensor> inputs) {
        return inputs.stream().map(Tensor::shape).toList().toString();
    }

    static Set<Mismatch.Kind> kinds(GradCheckReport report) {
        Set<Mismatch.Kind> kinds = new HashSet<>();
        report.mismatches().forEach(m -> kinds.add(m.kind()));
        return kinds;
    }

    // --- correct functions pass ---

    /** A composite function and the inputs it takes for one seed. */
    record Composite(String name, Function<List<Tensor>, Tensor> function,
            Function<Random, List<Tensor>> inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Composite> COMPOSITES = List.of(
            new Composite("sum(A·B)",
                    x -> SUM.apply(MATMUL.apply(x.get(0), x.get(1))),
                    r -> {
                        int n = RandomCases.size(r);
                        int k = RandomCases.size(r);
                        int m = RandomCases.size(r);
                        return List.of(variable(r, n, k), variable(r, k, m));
                    }),
            new Composite("A·B + C",
                    x -> ADD.apply(MATMUL.apply(x.get(0), x.get(1)),
                            x.get(2)),
                    r -> {
                        int n = RandomCases.size(r);
                        int k = RandomCases.size(r);
                        int m = RandomCases.size(r);
                        return List.of(variable(r, n, k), variable(r, k, m),
                                variable(r, n, m));
                    }),
            new Composite("X·X + X",
                    x -> ADD.apply(MATMUL.apply(x.get(0), x.get(0)),
                            x.get(0)),
                    r -> {
                        int n = RandomCases.size(r);
                        return List.of(variable(r, n, n));
                    }),
            new Composite("(A·B)·(A·B) + A·B",
                    x -> {
                        Tensor ab = MATMUL.apply(x.get(0), x.get(1));
                        return ADD.apply(MATMUL.apply(ab, ab), ab);
                    },
                    r -> {
                        int n = RandomCases.size(r);
                        int k = RandomCases.size(r);
                        return List.of(variable(r, n, k), variable(r, k, n));
                    }));

    static Stream<Arguments> composites() {
        return COMPOSITES.stream().flatMap(c -> RandomCases
                .seeds(c.name().hashCode(), 20).map(seed -> {
                    List<Tensor> inputs = c.inputs().apply(new Random(seed));
                    return Arguments.of(c, seed, Named.of(shapes(inputs),
                            inputs));
                }));
    }

    @ParameterizedTest(name = "{0} seed={1} inputs={2}")
    @MethodSource("composites")
    void correctCompositesPass(Composite c, long seed, List<Tensor> inputs) {
        GradCheckReport report = GradCheck.of(c.function()).seed(seed)
                .check(inputs.toArray(Tensor[]::new));
        int elements = inputs.stream()
                .mapToInt(t -> t.rows() * t.cols()).sum();
        assertEquals(elements, report.elementsChecked(), "every element");
        assertTrue(report.maxRelativeError() < 1e-6, report.summary());
        assertTrue(report.summary().startsWith("gradient check passed: "
                + elements + " comparison"), report.summary());
    }

    @ParameterizedTest(name = "{0} seed={1} inputs={2} fast")
    @MethodSource("composites")
    void correctCompositesPassInFastMode(Composite c, long seed,
            List<Tensor> inputs) {
        GradCheckReport report = GradCheck.of(c.function()).seed(seed).fast()
                .check(inputs.toArray(Tensor[]::new));
        assertEquals(1, report.elementsChecked(), "one direction");
        assertTrue(report.summary().contains("fast mode"), report.summary());
    }

    @Test
    void aScalarOutputIsCheckedAsItIs() {
        // y = a·b is 1x1, so P = 1 and the wrong dA is exactly −bᵀ
        Tensor a = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor b = Tensor.variable(new double[][] {{0.5}, {-2}, {4}});
        GradCheckReport report = GradCheck.of(v -> new BrokenOps
                .WrongSignMatMul().apply(v.get(0), v.get(1))).run(a, b);
        assertEquals(3, report.mismatches().size(), report.summary());
        for (Mismatch m : report.mismatches()) {
            assertEquals(-b.get(m.col(), 0), m.analytic(), 0.0);
            assertEquals(b.get(m.col(), 0), m.numeric(), 1e-8);
        }
    }

    @Test
    void theCallersTensorsAreLeftAlone() {
        DMatrixRMaj value = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        Tensor x = Tensor.variable(value.copy());
        GradCheck.of(v -> SUM.apply(MATMUL.apply(v.get(0), v.get(0))))
                .check(x);
        assertTrue(MatrixFeatures_DDRM.isIdentical(value, x.value(), 0));
        assertTrue(MatrixFeatures_DDRM.isZeros(x.grad(), 0),
                "the check works on copies: " + x.grad());
    }

    // --- broken ops fail, and the message says where and by how much ---

    static Stream<Arguments> seeds() {
        return RandomCases.seeds(44, 10).map(seed -> {
            Random r = new Random(seed);
            int n = RandomCases.size(r, 2);
            return Arguments.of(seed, n);
        });
    }

    static final Pattern FINDING = Pattern.compile("input (\\d+) element"
            + " \\((\\d+),(\\d+)\\): analytic (\\S+) vs numeric (\\S+),"
            + " relative error (\\S+)");

    @ParameterizedTest(name = "seed={0} inputs=[({1}x{1}), ({1}x{1})]")
    @MethodSource("seeds")
    void aWrongSignIsFoundAndDescribed(long seed, int n) {
        Random r = new Random(seed);
        Tensor a = variable(r, n, n);
        Tensor b = variable(r, n, n);
        GradCheckFailure failure = assertThrows(GradCheckFailure.class,
                () -> GradCheck.of(x -> new BrokenOps.WrongSignMatMul()
                        .apply(x.get(0), x.get(1))).seed(seed).check(a, b));
        String message = failure.getMessage();
        assertTrue(message.startsWith("gradient check failed: "), message);
        assertTrue(message.contains("inputs [(" + n + "x" + n + "), (" + n
                + "x" + n + ")]"), message);
        assertTrue(message.contains("seed " + seed), message);

        Matcher m = FINDING.matcher(message);
        assertTrue(m.find(), message);
        assertEquals("0", m.group(1), "only dA is wrong: " + message);
        double analytic = Double.parseDouble(m.group(4));
        double numeric = Double.parseDouble(m.group(5));
        assertEquals(-numeric, analytic, 1e-6, message);
        assertEquals(2.0, Double.parseDouble(m.group(6)), 1e-6, message);

        GradCheckReport report = failure.report();
        assertEquals(Set.of(Mismatch.Kind.GRADIENT), kinds(report));
        assertTrue(report.mismatches().stream().allMatch(x -> x.input() == 0));
        assertEquals(n * n, report.mismatches().size(), "every element of dA");
    }

    @ParameterizedTest(name = "seed={0} inputs=[({1}x{1}), ({1}x{1})]")
    @MethodSource("seeds")
    void aMissingTransposeIsFound(long seed, int n) {
        Random r = new Random(seed);
        Tensor a = variable(r, n, n);
        Tensor b = variable(r, n, n);  // square: the shapes cannot tell
        GradCheckReport report = GradCheck.of(x ->
                new BrokenOps.MissingTransposeMatMul().apply(x.get(0),
                        x.get(1))).seed(seed).run(a, b);
        assertFalse(report.passed());
        assertEquals(Set.of(Mismatch.Kind.GRADIENT), kinds(report));
        assertTrue(report.mismatches().stream().allMatch(x -> x.input() == 0),
                report.summary());
    }

    @ParameterizedTest(name = "seed={0} inputs=[({1}x{1}), ({1}x{1})] fast")
    @MethodSource("seeds")
    void fastModeFindsABrokenOp(long seed, int n) {
        Random r = new Random(seed);
        Tensor a = variable(r, n, n);
        Tensor b = variable(r, n, n);
        GradCheckFailure failure = assertThrows(GradCheckFailure.class,
                () -> GradCheck.of(x -> new BrokenOps.WrongSignMatMul()
                        .apply(x.get(0), x.get(1))).seed(seed).fast()
                        .check(a, b));
        GradCheckReport report = failure.report();
        assertEquals(1, report.elementsChecked());
        assertEquals(1, report.mismatches().size());
        assertTrue(failure.getMessage().startsWith("gradient check failed: 1"
                + " finding in 1 comparison; inputs"), failure.getMessage());
        assertEquals("random direction", report.mismatches().get(0).where());
        assertTrue(failure.getMessage().contains("\n  random direction:"
                + " analytic "), failure.getMessage());
        assertTrue(failure.getMessage().contains("fast mode, seed " + seed),
                failure.getMessage());
    }

    @Test
    void runReportsWithoutThrowing() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.variable(new double[][] {{1, 0}, {2, 1}});
        GradCheck check = GradCheck.of(x -> new BrokenOps.WrongSignMatMul()
                .apply(x.get(0), x.get(1)));
        GradCheckReport report = check.run(a, b);
        assertFalse(report.passed());
        GradCheckFailure failure = assertThrows(GradCheckFailure.class,
                () -> check.check(a, b));
        assertEquals(report, failure.report());
        assertEquals(report.summary(), failure.getMessage());
    }

    @Test
    void aLongListOfFindingsIsCut() {
        Random r = new Random(7);
        Tensor a = variable(r, 3, 3);
        Tensor b = variable(r, 3, 3);
        GradCheckReport report = GradCheck.of(x ->
                new BrokenOps.WrongSignMatMul().apply(x.get(0), x.get(1)))
                .run(a, b);
        assertEquals(9, report.mismatches().size());
        String summary = report.summary();
        assertTrue(summary.startsWith("gradient check failed: 9 findings in"
                + " 18 comparisons;"), summary);
        assertEquals(1 + GradCheckReport.SHOWN + 1,
                summary.split("\n").length, summary);
        assertTrue(summary.endsWith("\n  and 4 more"), summary);
    }

    // --- sampling ---

    @Test
    void samplingChecksExactlyTheAskedNumberOfElements() {
        Random r = new Random(5);
        Tensor a = variable(r, 4, 5);
        Tensor b = variable(r, 5, 3);
        GradCheckReport report = GradCheck.of(x -> new BrokenOps
                .WrongSignMatMul().apply(x.get(0), x.get(1))).sample(3)
                .run(a, b);
        assertEquals(6, report.elementsChecked(), "3 of a, 3 of b");
        assertEquals(3, report.mismatches().size(), "3 sampled elements of A");
        Set<String> where = new HashSet<>();
        report.mismatches().forEach(m -> where.add(m.where()));
        assertEquals(3, where.size(), "three different elements: " + where);
        assertTrue(report.summary().contains("at most 3 per input"),
                report.summary());
    }

    @Test
    void aSampleLargerThanTheInputChecksEveryElement() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        GradCheckReport report = GradCheck.of(x -> SUM.apply(x.get(0)))
                .sample(100).check(a);
        assertEquals(4, report.elementsChecked());
    }

    // --- kinks ---

    @Test
    void anInputWithinTheStepOfAKinkIsReported() {
        double nearZero = 0.3 * GradCheck.DEFAULT_STEP;
        Tensor x = Tensor.variable(new double[][] {{0.5, nearZero, -0.7}});
        GradCheckReport report = GradCheck.of(v -> new BrokenOps.Abs()
                .apply(v.get(0))).run(x);
        assertEquals(1, report.mismatches().size(), report.summary());
        Mismatch kink = report.mismatches().get(0);
        assertEquals(Mismatch.Kind.KINK, kink.kind());
        assertEquals("input 0 element (0,1)", kink.where());
        assertTrue(report.summary().contains("input 0 element (0,1) sits on"
                + " a kink: the one-sided slopes"), report.summary());
        assertTrue(report.summary().contains("pass allowKinks()"),
                report.summary());
        assertEquals(2, report.elementsChecked(), "the kink is not compared");
    }

    @Test
    void allowKinksSkipsThem() {
        double nearZero = -0.3 * GradCheck.DEFAULT_STEP;
        Tensor x = Tensor.variable(new double[][] {{0.5, nearZero, -0.7}});
        GradCheckReport report = GradCheck.of(v -> new BrokenOps.Abs()
                .apply(v.get(0))).allowKinks().check(x);
        assertEquals(2, report.elementsChecked());
    }

    @Test
    void aKinkFurtherThanTheStepIsJustAnotherPoint() {
        Tensor x = Tensor.variable(new double[][] {{0.5, 1e-4, -1e-4}});
        GradCheck.of(v -> new BrokenOps.Abs().apply(v.get(0))).check(x);
    }

    // --- repeatability, accumulation, untouched inputs ---

    @Test
    void anOpThatKeepsStateIsNotRepeatable() {
        Random r = new Random(11);
        Tensor x = variable(r, 2, 3);
        BrokenOps.CachedGradientSquare shared =
                new BrokenOps.CachedGradientSquare();
        GradCheckReport report = GradCheck.of(v -> shared.apply(v.get(0)))
                .run(x);
        assertTrue(kinds(report).contains(Mismatch.Kind.NOT_REPEATABLE),
                report.summary());
        assertTrue(report.summary().contains("input 0 element (0,0): a"
                + " second backward from scratch gave a different gradient"),
                report.summary());
    }

    @Test
    void aBackwardThatChangesOnTheSameGraphDoesNotAccumulate() {
        Random r = new Random(12);
        Tensor x = variable(r, 3, 2);
        GradCheckReport report = GradCheck.of(v -> new BrokenOps
                .ReleasingSquare().apply(v.get(0))).run(x);
        assertEquals(Set.of(Mismatch.Kind.NO_ACCUMULATION), kinds(report),
                report.summary());
        assertTrue(report.summary().contains("input 0 element (0,0): a second"
                + " backward on the same graph should double the gradient"),
                report.summary());
    }

    @Test
    void anOpThatModifiesItsInputIsFound() {
        Tensor x = Tensor.variable(new double[][] {{1.5, -2}});
        GradCheckReport report = GradCheck.of(v -> new BrokenOps
                .InPlaceDouble().apply(v.get(0))).run(x);
        assertEquals(Set.of(Mismatch.Kind.INPUT_MODIFIED), kinds(report),
                report.summary());
        assertTrue(report.summary().contains("input 0 element (0,0): the"
                + " function modified its input (was 1.500000000, now"
                + " 3.000000000)"), report.summary());
        assertEquals(1.5, x.get(0, 0), 0.0, "the caller's tensor is intact");
    }

    @Test
    void aFunctionThatModifiesItsInputIsFound() {
        Tensor a = Tensor.variable(new double[][] {{1, 2}});
        Tensor b = Tensor.variable(new double[][] {{3, 4}});
        GradCheckReport report = GradCheck.of(v -> {
            v.get(1).value().set(0, 1, 0.0);  // clears an element in place
            return ADD.apply(v.get(0), v.get(1));
        }).run(a, b);
        // L no longer depends on that element, so its gradient is off too
        assertEquals(Set.of(Mismatch.Kind.INPUT_MODIFIED,
                Mismatch.Kind.GRADIENT), kinds(report), report.summary());
        assertEquals(Mismatch.Kind.INPUT_MODIFIED,
                report.mismatches().get(0).kind());
        assertEquals("input 1 element (0,1)",
                report.mismatches().get(0).where());
    }

    // --- constants and infinite outputs ---

    @Test
    void constantsAreHeldFixed() {
        Tensor k = Tensor.constant(new double[][] {{1, 2}, {3, 4}});
        Tensor x = Tensor.variable(new double[][] {{0.5, -1}, {2, 0.25}});
        // the wrong dA goes to the constant, which is never checked
        GradCheckReport report = GradCheck.of(v -> new BrokenOps
                .WrongSignMatMul().apply(v.get(0), v.get(1))).check(k, x);
        assertEquals(4, report.elementsChecked(), "only x's elements");
        assertTrue(report.summary().contains("inputs [(2x2), (2x2)]"));

        GradCheckReport fast = GradCheck.of(v -> new BrokenOps
                .WrongSignMatMul().apply(v.get(0), v.get(1))).fast()
                .check(k, x);
        assertTrue(fast.passed(), "the direction moves only variables");
    }

    @Test
    void infiniteOutputsAreLeftOut() {
        double inf = Double.NEGATIVE_INFINITY;
        Tensor x = Tensor.variable(new double[][] {{0.5, -1}, {2, 0.25}});
        Tensor mask = Tensor.constant(new double[][] {{0, inf}, {inf, 0}});
        GradCheckReport report = GradCheck.of(v -> ADD.apply(v.get(0),
                v.get(1))).check(x, mask);
        assertEquals(4, report.elementsChecked());
        assertTrue(report.maxRelativeError() < 1e-6, report.summary());
        GradCheck.of(v -> ADD.apply(v.get(0), v.get(1))).fast()
                .check(x, mask);
    }

    @Test
    void aNanOutputIsAnErrorNotSkipped() {
        Tensor x = Tensor.variable(new double[][] {{0.5, -1}, {2, 0.25}});
        Tensor k = Tensor.constant(new double[][] {{0, 0}, {Double.NaN, 0}});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.of(v -> ADD.apply(v.get(0), v.get(1)))
                        .check(x, k));
        assertEquals("GradCheck: output element (1,0) is NaN; only ±∞"
                + " elements are left out", e.getMessage());
    }

    // --- arguments ---

    @Test
    void badSettingsAreRefusedWithTheValue() {
        GradCheck check = GradCheck.of(v -> SUM.apply(v.get(0)));
        assertEquals("GradCheck: step must be a positive finite number, got"
                + " 0.0", assertThrows(IllegalArgumentException.class,
                        () -> check.step(0)).getMessage());
        assertEquals("GradCheck: step must be a positive finite number, got"
                + " NaN", assertThrows(IllegalArgumentException.class,
                        () -> check.step(Double.NaN)).getMessage());
        assertEquals("GradCheck: step must be a positive finite number, got"
                + " Infinity", assertThrows(IllegalArgumentException.class,
                        () -> check.step(Double.POSITIVE_INFINITY))
                        .getMessage());
        assertEquals("GradCheck: tolerances must be non-negative, got atol"
                + " -1.0E-5, rtol 0.001", assertThrows(
                        IllegalArgumentException.class,
                        () -> check.tolerances(-1e-5, 1e-3)).getMessage());
        assertEquals("GradCheck: tolerances must be non-negative, got atol"
                + " 0.0, rtol NaN", assertThrows(
                        IllegalArgumentException.class,
                        () -> check.tolerances(0, Double.NaN)).getMessage());
        assertEquals("GradCheck: sample needs at least 1 element per input,"
                + " got 0", assertThrows(IllegalArgumentException.class,
                        () -> check.sample(0)).getMessage());
    }

    @Test
    void badInputsAreRefusedWithAReason() {
        GradCheck check = GradCheck.of(v -> SUM.apply(v.get(0)));
        assertEquals("GradCheck: give the function's inputs to check, got"
                + " none", assertThrows(IllegalArgumentException.class,
                        () -> check.check()).getMessage());
        Tensor x = Tensor.variable(new double[][] {{1}});
        assertEquals("GradCheck: input 1 is null", assertThrows(
                IllegalArgumentException.class,
                () -> check.check(x, null)).getMessage());
        Tensor k = Tensor.constant(new double[][] {{1}});
        assertEquals("GradCheck: all 2 inputs are constants, so nothing would"
                + " be checked; make the inputs to check with"
                + " Tensor.variable", assertThrows(
                        IllegalArgumentException.class,
                        () -> check.check(k, k)).getMessage());
        assertEquals("GradCheck.of: the function is null", assertThrows(
                NullPointerException.class, () -> GradCheck.of(null))
                .getMessage());
        assertEquals("GradCheck: the function returned null instead of a"
                + " tensor", assertThrows(IllegalStateException.class,
                        () -> GradCheck.of(v -> null).check(x))
                        .getMessage());
    }

    @Test
    void aFunctionThatIgnoresItsVariablesIsAnError() {
        Tensor x = Tensor.variable(new double[][] {{1, 2}});
        Tensor k = Tensor.constant(new double[][] {{3, 4}});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.of(v -> SUM.apply(v.get(1))).check(x, k));
        assertTrue(e.getMessage().startsWith("backward: the output (1x1) has"
                + " no graph"), e.getMessage());
    }

    // --- determinism ---

    @ParameterizedTest(name = "seed={0} n={1} inputs=[(n x n+1), (n+1 x n)]")
    @MethodSource("seeds")
    void theSameSeedGivesTheSameReport(long seed, int n) {
        Random r = new Random(seed);
        Tensor a = variable(r, n, n + 1);
        Tensor b = variable(r, n + 1, n);
        Function<List<Tensor>, Tensor> broken = x -> new BrokenOps
                .WrongSignMatMul().apply(x.get(0), x.get(1));
        assertEquals(GradCheck.of(broken).seed(seed).run(a, b),
                GradCheck.of(broken).seed(seed).run(a, b));
        assertEquals(GradCheck.of(broken).seed(seed).sample(2).run(a, b),
                GradCheck.of(broken).seed(seed).sample(2).run(a, b));
        assertEquals(GradCheck.of(broken).seed(seed).fast().run(a, b),
                GradCheck.of(broken).seed(seed).fast().run(a, b));
        // another seed draws another projection, so other numbers
        assertNotEquals(GradCheck.of(broken).seed(seed).run(a, b)
                .mismatches(), GradCheck.of(broken).seed(seed + 1)
                .run(a, b).mismatches());
    }

    @Test
    void gradientsBelowAtolDoNotSetTheMaximumRelativeError() {
        // L = x·w ≈ 2000: its rounding noise in a difference quotient is
        // about 1e-7, far above the 1e-9 gradient of x's first element but
        // far below atol; that element passes on the absolute tolerance and
        // its relative error (about 1) measures only rounding
        Tensor x = Tensor.variable(new double[][] {{1000, 1000}});
        Tensor w = Tensor.constant(new double[][] {{1e-9}, {2.0}});
        GradCheckReport report = GradCheck.of(
                in -> new MatMul().apply(in.get(0), in.get(1))).run(x, w);
        assertTrue(report.passed(), report.summary());
        assertTrue(report.maxRelativeError() < 1e-6, report.summary());
    }
}
