package org.scratchformer.exercises.ch06;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 6.3: Xavier (Glorot) uniform initialisation.
 *
 * <p>For Y = X·W with W (fanIn, fanOut), Glorot and Bengio ask for
 * Var(W) = 2/(fanIn + fanOut), a compromise between keeping the forward
 * signal's variance (fanIn·Var(W) = 1) and the backward gradient's
 * (fanOut·Var(W) = 1). U(−a, a) has variance a²/3: solve for a.
 */
public final class XavierUniform {
    private XavierUniform() {
    }

    /** The bound a of U(−a, a) for these fans. */
    public static double bound(int fanIn, int fanOut) {
        throw new UnsupportedOperationException(
                "solve a²/3 = 2/(fanIn + fanOut) for a");
    }

    /** W (fanIn, fanOut), each element drawn U(−a, a) from random. */
    public static DMatrixRMaj draw(int fanIn, int fanOut, Random random) {
        throw new UnsupportedOperationException(
                "a · (2·random.nextDouble() − 1) for every element");
    }
}
