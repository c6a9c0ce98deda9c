package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.tensor.PlainElements;

/** The Vector API element loops give PlainElements' results exactly. */
class VectorElementsTest {
    private final VectorElements vector = new VectorElements();
    private final PlainElements plain = new PlainElements();

    /** Values with ties at 0, −0, NaN and infinities among random ones. */
    private static double[] values(Random random, int size) {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE};
        double[] v = new double[size];
        for (int k = 0; k < size; k++) {
            v[k] = random.nextInt(4) == 0
                    ? special[random.nextInt(special.length)]
                    : random.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {0, 1, 3, 4, 5, 8, 17, 64, 1001})
    void reluGradientIsThePlainLoops(int n) {
        Random random = new Random(n);
        double[] y = values(random, n + 2);
        double[] dY = values(random, n + 2);
        double[] want = values(random, n + 2);
        double[] got = want.clone();  // beyond n: left as it was
        plain.reluGradient(y, dY, want, n);
        vector.reluGradient(y, dY, got, n);
        for (int k = 0; k < got.length; k++) {  // bits: −0 is not 0 here
            assertEquals(Double.doubleToRawLongBits(want[k]),
                    Double.doubleToRawLongBits(got[k]), "element " + k);
        }
    }

    @Test
    void reluGradientKeepsDyWherePositiveOnly() {
        // 10 elements: two vectors, and a zero and a positive in the tail
        double[] y = {1, 0, -2, 3, Double.NaN, 0.5, -0.0, 7, 0, 2};
        double[] dY = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        double[] dZ = new double[10];
        vector.reluGradient(y, dY, dZ, 10);
        assertArrayEquals(new double[] {10, 0, 0, 40, 0, 60, 0, 80, 0, 100},
                dZ);
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {0, 1, 3, 4, 5, 8, 17, 64, 1001})
    void firstNotZeroOrFindsTheFirstOtherValue(int n) {
        Random random = new Random(n);
        double keep = 1 / 0.9;
        for (int trial = 0; trial < 20; trial++) {
            double[] m = new double[n + 1];
            for (int k = 0; k < m.length; k++) {
                m[k] = random.nextInt(10) == 0 ? 0 : keep;
            }
            m[n] = 5;  // beyond n: never looked at
            if (n > 0 && trial > 0) {  // trial 0: all allowed
                int bad = random.nextInt(n);
                double[] wrong = {Double.NaN, 1.0, -keep, 2, -0.0};
                m[bad] = wrong[trial % 5];
                if (random.nextBoolean() && bad + 1 < n) {
                    m[n - 1] = 3;  // a later one does not matter
                }
            }
            assertEquals(plain.firstNotZeroOr(m, n, keep),
                    vector.firstNotZeroOr(m, n, keep), "trial " + trial);
        }
        assertEquals(-1, vector.firstNotZeroOr(new double[n], n, keep));
    }

    @Test
    void theNameSaysTheVectorWidth() {
        assertEquals("vector " + VectorKernel.SPECIES.vectorBitSize() + "-bit",
                vector.name());
    }
}
