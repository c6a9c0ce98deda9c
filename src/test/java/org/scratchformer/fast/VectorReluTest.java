package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.nn.ReluGradient;

/** The Vector API's ReLU gradient gives the plain loop's bits exactly. */
class VectorReluTest {
    private final VectorRelu vector = new VectorRelu();

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
    void theBitsOfThePlainLoop(int n) {
        Random random = new Random(n);
        double[] y = values(random, n + 2);
        double[] dY = values(random, n + 2);
        double[] want = values(random, n + 2);
        double[] got = want.clone();  // beyond n: left as it was
        ReluGradient.PLAIN.apply(y, dY, want, n);
        vector.apply(y, dY, got, n);
        for (int k = 0; k < got.length; k++) {  // bits: −0 is not 0 here
            assertEquals(Double.doubleToRawLongBits(want[k]),
                    Double.doubleToRawLongBits(got[k]), "element " + k);
        }
    }

    @Test
    void dYWherePositiveOnly() {
        // 10 elements: two or more vectors, and a tail
        double[] y = {1, 0, -2, 3, Double.NaN, 0.5, -0.0, 7, 0, 2};
        double[] dY = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        double[] dZ = new double[10];
        vector.apply(y, dY, dZ, 10);
        assertArrayEquals(new double[] {10, 0, 0, 40, 0, 60, 0, 80, 0, 100},
                dZ);
    }
}
