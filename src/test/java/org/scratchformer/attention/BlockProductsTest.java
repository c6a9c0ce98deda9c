package org.scratchformer.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;

/** The kernel behind the batched products equals the three loops. */
class BlockProductsTest {

    static Stream<Long> seeds() {
        return RandomCases.seeds(8_301, 40);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void theKernelComputesWhatTheLoopsShow(long seed) {
        Random r = new Random(seed);
        boolean transA = r.nextBoolean();
        boolean transB = r.nextBoolean();
        int m = 1 + r.nextInt(20);
        int n = 1 + r.nextInt(20);
        int k = 1 + r.nextInt(20);
        // blocks inside larger matrices: leading dimensions and offsets
        int lda = (transA ? m : k) + r.nextInt(4);
        int ldb = (transB ? k : n) + r.nextInt(4);
        int ldc = n + r.nextInt(4);
        int aOffset = r.nextInt(5);
        int bOffset = r.nextInt(5);
        int cOffset = r.nextInt(5);
        double[] a = r.doubles(aOffset + lda * (transA ? k : m)).toArray();
        double[] b = r.doubles(bOffset + ldb * (transB ? n : k)).toArray();
        double[] c1 = r.doubles(cOffset + ldc * m).toArray();
        double[] c2 = c1.clone();
        BlockProducts.multiplyAdd(transA, transB, m, n, k, a, aOffset, lda,
                b, bOffset, ldb, c1, cOffset, ldc);
        BlockProducts.multiplyAddByLoops(transA, transB, m, n, k, a,
                aOffset, lda, b, bOffset, ldb, c2, cOffset, ldc);
        for (int i = 0; i < c1.length; i++) {
            assertEquals(c2[i], c1[i], 1e-12, "element " + i + " of C, "
                    + (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ" : "B")
                    + " " + m + "x" + k + "x" + n);
        }
    }
}
