package org.scratchformer.exercises.ch10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.attention.BatchedMatMul;
import org.scratchformer.attention.BatchedMatMulTransB;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Judges {@link CausalMask} by its layout and by what it must guarantee: a
 * later token never changes an earlier position. Every case has T ≥ 2.
 */
@ExtendWith(CaseNames.class)
class CausalMaskTest {
    static final double NO = Double.NEGATIVE_INFINITY;

    @Test
    void theTriangleOfTwoSequences() {
        DMatrixRMaj m = CausalMask.mask(2, 3);
        assertEquals(6, m.numRows, "M has B·T rows");
        assertEquals(3, m.numCols, "M has T columns");
        double[] one = {
            0, NO, NO,
            0, 0, NO,
            0, 0, 0};
        double[] both = new double[18];
        System.arraycopy(one, 0, both, 0, 9);
        System.arraycopy(one, 0, both, 9, 9);
        assertArrayEquals(both, Arrays.copyOf(m.data, 18), 0,
                "query t sees keys 0 to t of its own sequence");
    }

    /** Causal self-attention of X (B·T, D) with Q = K = V = X. */
    static DMatrixRMaj attend(DMatrixRMaj x, int batch, int length) {
        Tensor in = Tensor.constant(x);
        Tensor scores = Ops.scale(new BatchedMatMulTransB(batch, 1)
                .apply(in, in), 1 / Math.sqrt(x.numCols));  // (B·T, T)
        Tensor weights = Ops.softmax(Ops.addMask(scores,
                Tensor.constant(CausalMask.mask(batch, length))));
        return new BatchedMatMul(batch, 1).apply(weights, in).value();
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(1030, 20).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r),
                    RandomCases.size(r, 2), RandomCases.size(r));
        });
    }

    @ParameterizedTest(name = "seed={0} B={1} T={2} D={3}")
    @MethodSource("cases")
    void aLaterTokenNeverChangesAnEarlierPosition(long seed, int batch,
            int length, int d) {
        Random random = new Random(seed);
        DMatrixRMaj x = RandomCases.values(random, batch * length, d);
        DMatrixRMaj before = attend(x, batch, length);
        int b = random.nextInt(batch);
        for (int j = 1; j < length; j++) {
            DMatrixRMaj changed = x.copy();
            for (int c = 0; c < d; c++) {
                changed.set(b * length + j, c, 5 + random.nextDouble());
            }
            DMatrixRMaj after = attend(changed, batch, length);
            for (int t = 0; t < j; t++) {
                for (int c = 0; c < d; c++) {
                    assertEquals(before.get(b * length + t, c),
                            after.get(b * length + t, c), 0,
                            "sequence " + b + ": token " + j + " changed,"
                                    + " so position " + t + " (earlier)"
                                    + " must not, column " + c);
                }
            }
        }
    }
}
