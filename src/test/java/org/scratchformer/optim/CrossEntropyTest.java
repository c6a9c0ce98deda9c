package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpRegistry;
import org.scratchformer.tensor.Tensor;

class CrossEntropyTest {
    static final double EXACT = 1e-15;

    static double[] row(DMatrixRMaj m, int r) {
        double[] out = new double[m.numCols];
        for (int c = 0; c < out.length; c++) {
            out[c] = m.get(r, c);
        }
        return out;
    }

    @Test
    void twoEqualLogitsCostLogTwoAndPullTowardTheTarget() {
        Tensor logits = Tensor.variable(new double[][] {{0, 0}});
        Tensor loss = Losses.crossEntropy(logits, Losses.targets(0));
        loss.backward();
        assertEquals(Math.log(2), loss.item(), EXACT);
        // softmax − onehot = (0.5 − 1, 0.5 − 0)
        assertArrayEquals(new double[] {-0.5, 0.5}, row(logits.grad(), 0),
                EXACT);
    }

    @Test
    void aRowOfThreeMatchesTheHandComputedLogSumExp() {
        // lse(1, 2, 3) = 3 + ln(e⁻² + e⁻¹ + 1) = 3.4076059644443806
        Tensor logits = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor loss = Losses.crossEntropy(logits, Losses.targets(2));
        loss.backward();
        assertEquals(0.4076059644443806, loss.item(), 1e-15);
        assertArrayEquals(new double[] {0.09003057317038043,
            0.24472847105479759, 0.6652409557748217 - 1},
                row(logits.grad(), 0), 1e-15);
    }

    @Test
    void labelSmoothingMixesTheUniformDistributionIn() {
        // ε = 0.3, V = 3: q = (0.1, 0.1, 0.8);
        // loss = lse − 0.7·x₂ − 0.1·(x₀ + x₁ + x₂) = 3.40760… − 2.1 − 0.6
        Tensor logits = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor loss = Losses.crossEntropy(logits, Losses.targets(2), -100,
                0.3);
        loss.backward();
        assertEquals(0.7076059644443805, loss.item(), 1e-15);
        assertArrayEquals(new double[] {0.09003057317038043 - 0.1,
            0.24472847105479759 - 0.1, 0.6652409557748217 - 0.8},
                row(logits.grad(), 0), 1e-15);
    }

    @Test
    void anIgnoredRowCountsNeitherInTheSumNorInTheMean() {
        Tensor logits = Tensor.variable(new double[][] {{0, 0}, {5, -5}});
        Tensor loss = Losses.crossEntropy(logits, Losses.targets(1, -100));
        loss.backward();
        assertEquals(Math.log(2), loss.item(), EXACT);  // divided by 1, not 2
        assertArrayEquals(new double[] {0.5, -0.5}, row(logits.grad(), 0),
                EXACT);
        assertArrayEquals(new double[] {0, 0}, row(logits.grad(), 1), 0);
    }

    @Test
    void aPaddingIdThatIsAClassIsIgnored() {
        Tensor logits = Tensor.variable(new double[][] {{0, 0, 0}, {0, 9,
            0}});
        Tensor loss = Losses.crossEntropy(logits, Losses.targets(0, 2), 0,
                0);
        loss.backward();
        // only row 1 counts: lse(0, 9, 0) − 0
        double expected = 9 + Math.log(1 + 2 * Math.exp(-9));
        assertEquals(expected, loss.item(), 1e-14);
        assertArrayEquals(new double[] {0, 0, 0}, row(logits.grad(), 0), 0);
    }

    @ParameterizedTest(name = "smoothing={0}")
    @ValueSource(doubles = {0.0, 1.0})
    void extremeLogitsAndSmoothingStayFinite(double smoothing) {
        Tensor logits = Tensor.variable(new double[][] {{1000, -1000, 0},
            {-1000, -1000, 1000}, {-1000, 1000, -1000}});
        Tensor loss = Losses.crossEntropy(logits, Losses.targets(1, 2, 1),
                -100, smoothing);
        loss.backward();
        assertTrue(Double.isFinite(loss.item()), "loss " + loss.item());
        for (int k = 0; k < 9; k++) {
            assertTrue(Double.isFinite(logits.grad().get(k)),
                    "gradient element " + k);
        }
        // ε = 0: row 0 costs 2000, rows 1 and 2 nothing; ε = 1: each row
        // costs lse − mean(x), whatever its label: 1000, 1000 + 1000/3, …
        double expected = smoothing == 0 ? 2000.0 / 3
                : (1000 + 2 * (1000 + 1000 / 3.0)) / 3;
        assertEquals(expected, loss.item(), 1e-9);
    }

    @Test
    void fullSmoothingIgnoresTheLabels() {
        double[][] x = {{0.3, -1.2, 2.0}, {0.1, 0.4, -0.5}};
        double a = Losses.crossEntropy(Tensor.variable(x),
                Losses.targets(0, 1), -100, 1).item();
        double b = Losses.crossEntropy(Tensor.variable(x),
                Losses.targets(2, 0), -100, 1).item();
        assertEquals(a, b, 1e-15);
    }

    // --- properties over seeded random cases ---

    static Stream<Long> seeds() {
        return RandomCases.seeds(7, 20);
    }

    static List<Tensor> randomCase(long seed, int ignoreIndex) {
        return LossOps.logitsAndTargets(new Random(seed), ignoreIndex);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void shiftingARowOfLogitsChangesNothing(long seed) {
        List<Tensor> x = randomCase(seed, -100);
        DMatrixRMaj shifted = x.get(0).value().copy();
        double shift = 100 * new Random(seed).nextGaussian();
        for (int c = 0; c < shifted.numCols; c++) {
            shifted.set(0, c, shifted.get(0, c) + shift);
        }
        CrossEntropy op = new CrossEntropy(-100, 0.2);
        double before = op.apply(x.get(0), x.get(1)).item();
        double after = op.apply(Tensor.variable(shifted), x.get(1)).item();
        assertEquals(before, after, 1e-12, "seed " + seed);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void everyGradientRowSumsToZero(long seed) {
        // Σⱼ (softmaxⱼ − qⱼ) = 1 − 1
        List<Tensor> x = randomCase(seed, 0);
        Tensor loss = new CrossEntropy(0, 0.1).apply(x.get(0), x.get(1));
        loss.backward();
        DMatrixRMaj dX = x.get(0).grad();
        for (int r = 0; r < dX.numRows; r++) {
            double sum = 0;
            for (double v : row(dX, r)) {
                sum += v;
            }
            assertEquals(0, sum, 1e-15, "seed " + seed + ", row " + r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cross_entropy", "cross_entropy_smoothed"})
    void theRegisteredEntriesPassTheGradientCheck(String name) {
        OpEntry entry = OpRegistry.get(name);
        assertEquals(CrossEntropy.class, entry.opClass());
        for (long seed : RandomCases.seeds(11, 20).toList()) {
            List<Tensor> x = entry.inputsFor(seed);
            GradCheck.of(entry.apply()).seed(seed)
                    .check(x.toArray(Tensor[]::new));
        }
    }

    @Test
    void theRegisteredCasesIgnoreSomeRows() {
        // the entries exercise the ignore index, not only counted rows
        for (String name : List.of("cross_entropy", "cross_entropy_smoothed")) {
            int ignoreIndex = name.equals("cross_entropy") ? -100 : 0;
            long ignored = RandomCases.seeds(3, 50)
                    .map(s -> OpRegistry.get(name).inputsFor(s).get(1))
                    .filter(t -> {
                        for (int r = 0; r < t.rows(); r++) {
                            if (t.get(r, 0) == ignoreIndex) {
                                return true;
                            }
                        }
                        return false;
                    }).count();
            assertTrue(ignored >= 10, name + ": only " + ignored
                    + " of 50 cases ignore a row");
        }
    }

    // --- errors ---

    @Test
    void aBatchWithEveryRowIgnoredIsRefused() {
        Tensor logits = Tensor.variable(new double[][] {{0, 1}, {1, 0}});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, Losses.targets(-100,
                        -100)));
        assertTrue(e.getMessage().contains("every one of the 2 rows"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-100"), e.getMessage());
    }

    @Test
    void aTargetOutsideTheClassesNamesItsRowAndValue() {
        Tensor logits = Tensor.variable(new double[][] {{0, 1}, {1, 0}});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, Losses.targets(1, 2)));
        assertEquals("cross_entropy: target 2.0 in row 1 is not a class"
                + " index in [0, 2) nor the ignore index -100",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, Losses.targets(-1, 0)));
    }

    @Test
    void aFractionalTargetIsRefused() {
        Tensor logits = Tensor.variable(new double[][] {{0, 1, 2}});
        Tensor targets = Tensor.constant(new double[][] {{1.5}});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, targets));
        assertTrue(e.getMessage().contains("target 1.5 in row 0"),
                e.getMessage());
    }

    @Test
    void targetsOfTheWrongShapeNameBothShapes() {
        Tensor logits = Tensor.variable(new double[][] {{0, 1}, {1, 0}});
        Tensor targets = Tensor.constant(new double[][] {{0, 1}});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, targets));
        assertEquals("cross_entropy: targets (1x2) must be (2x1), one class"
                + " index per row of the logits (2x2)", e.getMessage());
    }

    @ParameterizedTest(name = "smoothing={0}")
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
    void smoothingOutsideZeroToOneIsRefused(double smoothing) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new CrossEntropy(-100, smoothing));
        assertTrue(e.getMessage().contains("must be in [0, 1], got "
                + smoothing), e.getMessage());
    }

    @ParameterizedTest(name = "logit={0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void aLogitThatIsNotANumberOrPlusInfinityIsNamed(double bad) {
        Tensor logits = Tensor.variable(new double[][] {{0.5, bad}, {1, 2}});
        Tensor targets = Tensor.constant(new double[][] {{0}, {1}});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, targets));
        assertTrue(e.getMessage().startsWith("cross_entropy: X (2x2) holds "
                + bad + " at (0, 1)"), e.getMessage());
    }
}
