package org.scratchformer.exercises.ch09;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.tensor.UnaryOp;

/** Judges {@link BlockSoftmax} with GradCheck, known values, properties. */
@ExtendWith(CaseNames.class)
class BlockSoftmaxTest {

    /** Your forward and your backward as one op. */
    static final class Learners extends UnaryOp {
        private final int heads;

        Learners(int heads) {
            this.heads = heads;
        }

        @Override
        public String name() {
            return "block softmax (exercise 9.2)";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            return BlockSoftmax.forward(x, heads);
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return BlockSoftmax.backward(y, dY, heads);
        }
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(9092, 20).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r),
                    RandomCases.size(r, 2), RandomCases.size(r, 2));
        });
    }

    @ParameterizedTest(name = "seed={0} R={1} H={2} S={3}")
    @MethodSource("cases")
    void agreesWithCentralDifferences(long seed, int rows, int heads,
            int width) {
        Random random = new Random(seed);
        Learners op = new Learners(heads);
        GradCheck.of(in -> op.apply(in.get(0))).seed(seed).check(
                Tensor.variable(RandomCases.uniform(random, rows,
                        heads * width, -2, 2)));
    }

    @ParameterizedTest(name = "seed={0} R={1} H={2} S={3}")
    @MethodSource("cases")
    void everyBlockIsADistribution(long seed, int rows, int heads,
            int width) {
        DMatrixRMaj y = BlockSoftmax.forward(RandomCases.uniform(
                new Random(seed), rows, heads * width, -3, 3), heads);
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < heads; h++) {
                double total = 0;
                for (int j = h * width; j < (h + 1) * width; j++) {
                    assertTrue(y.get(r, j) > 0, "weight (" + r + ", " + j
                            + ") must be positive");
                    total += y.get(r, j);
                }
                assertEquals(1, total, 1e-12, "row " + r + ", head " + h
                        + " must sum to 1 on its own");
            }
        }
    }

    @Test
    void knownValuesOfTwoHeads() {
        // H 2, S 2: blocks (0, 0) and (0, ln 3) give (½, ½) and (¼, ¾);
        // a softmax over the whole row would give (1/6, 1/6, 1/6, 1/2)
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {0, 0, 0, Math.log(3)}});
        assertArrayEquals(new double[] {0.5, 0.5, 0.25, 0.75},
                elements(BlockSoftmax.forward(x, 2)), 1e-15,
                "each block of S = 2 columns is its own softmax");
    }

    @Test
    void knownBackwardOfTwoHeads() {
        // block 0: ⟨dy, y⟩ = 0.5;  block 1: ⟨dy, y⟩ = 1.5
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {
            {0.5, 0.5, 0.25, 0.75}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 0, 0, 2}});
        assertArrayEquals(new double[] {0.25, -0.25, -0.375, 0.375},
                elements(BlockSoftmax.backward(y, dY, 2)), 1e-15,
                "dX = Y ⊙ (dY − blockSum(dY ⊙ Y))");
    }

    @Test
    void aMaskedScoreGetsZeroAndLargeScoresStayFinite() {
        double no = Double.NEGATIVE_INFINITY;
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {
            {1000, no, 1000, -1000, 1000, 0}});
        DMatrixRMaj y = BlockSoftmax.forward(x, 2);
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0, 1, 0},
                elements(y), 1e-15, "−∞ gives weight 0; ±1000 gives"
                        + " finite weights (take the block's max out)");
        DMatrixRMaj dX = BlockSoftmax.backward(y,
                new DMatrixRMaj(new double[][] {{1, 5, -1, 2, 3, 4}}), 2);
        assertEquals(0, dX.get(0, 1), 0, "a masked score gets no gradient");
        for (int k = 0; k < 6; k++) {
            assertTrue(Double.isFinite(dX.get(k)), "dX element " + k
                    + " is " + dX.get(k));
        }
    }

    @Test
    void leavesItsArgumentsUnchanged() {
        Random random = new Random(92);
        DMatrixRMaj x = RandomCases.values(random, 3, 6);
        DMatrixRMaj xBefore = x.copy();
        DMatrixRMaj y = BlockSoftmax.forward(x, 3);
        DMatrixRMaj yBefore = y.copy();
        DMatrixRMaj dY = RandomCases.values(random, 3, 6);
        DMatrixRMaj dYBefore = dY.copy();
        BlockSoftmax.backward(y, dY, 3);
        assertArrayEquals(elements(xBefore), elements(x), 0,
                "forward modified X");
        assertArrayEquals(elements(yBefore), elements(y), 0,
                "backward modified Y");
        assertArrayEquals(elements(dYBefore), elements(dY), 0,
                "backward modified dY");
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
