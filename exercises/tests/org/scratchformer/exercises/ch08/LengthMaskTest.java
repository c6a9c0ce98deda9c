package org.scratchformer.exercises.ch08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.scratchformer.exercises.ShapeErrors;
import org.scratchformer.gradcheck.RandomCases;

/** Judges {@link LengthMask} with known layouts and a property. */
@ExtendWith(CaseNames.class)
class LengthMaskTest {
    static final double NO = Double.NEGATIVE_INFINITY;

    @Test
    void paddingHidesTheKeysPastEachLength() {
        // lengths 2 and 3, T 2, S 3: sequence 0 hides key 2 from both
        // of its queries, sequence 1 hides nothing
        DMatrixRMaj m = maskOf(new int[] {2, 3}, 2, 3, false);
        assertEquals("(4x3)", shape(m), "M is (B·T, S)");
        assertArrayEquals(new double[] {
            0, 0, NO,
            0, 0, NO,
            0, 0, 0,
            0, 0, 0}, elements(m), 0);
    }

    @Test
    void causalAndPaddingTogether() {
        // lengths 3 and 2, T = S = 3: the triangle, and in sequence 1
        // key 2 hidden from every query
        DMatrixRMaj m = maskOf(new int[] {3, 2}, 3, 3, true);
        assertArrayEquals(new double[] {
            0, NO, NO,
            0, 0, NO,
            0, 0, 0,
            0, NO, NO,
            0, 0, NO,
            0, 0, NO}, elements(m), 0);
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(8033, 20).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, RandomCases.size(r),
                    RandomCases.size(r), r.nextBoolean());
        });
    }

    @ParameterizedTest(name = "seed={0} B={1} T=S={2} causal={3}")
    @MethodSource("cases")
    void eachQueryKeepsAPrefixOfTheKeys(long seed, int batch, int length,
            boolean causal) {
        Random random = new Random(seed);
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = 1 + random.nextInt(length);
        }
        DMatrixRMaj m = maskOf(lengths, length, length, causal);
        assertEquals("(" + batch * length + "x" + length + ")", shape(m),
                "M is (B·T, S)");
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                int kept = causal ? Math.min(lengths[b], t + 1) : lengths[b];
                for (int s = 0; s < length; s++) {
                    assertEquals(s < kept ? 0 : NO, m.get(b * length + t, s),
                            "lengths " + Arrays.toString(lengths)
                                    + ": sequence " + b + ", query " + t
                                    + " keeps keys 0 to " + (kept - 1)
                                    + " only; key " + s);
                }
            }
        }
    }

    @Test
    void anEmptySequenceIsRefusedByName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LengthMask.mask(new int[] {2, 0}, 2, 3, false));
        if (e.getMessage() == null
                || !e.getMessage().contains("sequence 1, query 0")) {
            fail("checked: mask(lengths [2, 0], T 2, S 3) refuses the empty"
                    + " sequence 1, whose query 0 would see no key; the"
                    + " message must name \"sequence 1, query 0\", got: "
                    + e.getMessage());
        }
    }

    @Test
    void impossibleArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LengthMask.mask(new int[] {2}, 2, 3, true),
                "causal with T 2 and S 3");
        assertThrows(IllegalArgumentException.class,
                () -> LengthMask.mask(new int[] {4}, 2, 3, false),
                "a length of 4 with S 3");
        assertThrows(IllegalArgumentException.class,
                () -> LengthMask.mask(new int[] {-1}, 2, 3, false),
                "a length of −1");
    }

    /** Your mask of valid arguments, a refusal of them named. */
    static DMatrixRMaj maskOf(int[] lengths, int t, int s, boolean causal) {
        return ShapeErrors.call("LengthMask.mask(lengths "
                + Arrays.toString(lengths) + ", T " + t + ", S " + s
                + ", causal " + causal + ")", "M (" + lengths.length * t
                + "x" + s + ")", () -> LengthMask.mask(lengths, t, s,
                        causal));
    }

    static String shape(DMatrixRMaj m) {
        return ShapeErrors.shape(m);
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
